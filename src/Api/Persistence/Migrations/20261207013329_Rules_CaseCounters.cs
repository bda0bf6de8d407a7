using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Rules_CaseCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_counters",
                schema: "qadam",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LastSequence = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_counters", x => new { x.OrganisationId, x.Year });
                    table.ForeignKey(
                        name: "FK_case_counters_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalSchema: "qadam",
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Numbering continues where the cases filed so far left off: each counter starts at its pair's highest number.
            migrationBuilder.Sql("""
                INSERT INTO qadam.case_counters ("OrganisationId", "Year", "LastSequence")
                SELECT "OrganisationId", "Year", MAX("Sequence") FROM qadam.cases GROUP BY "OrganisationId", "Year";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_counters",
                schema: "qadam");
        }
    }
}
