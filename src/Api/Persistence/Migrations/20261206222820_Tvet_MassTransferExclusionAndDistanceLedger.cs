using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Tvet_MassTransferExclusionAndDistanceLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExclusionLegalBasis",
                schema: "qadam",
                table: "mass_transfer_schools",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExclusionReasonKk",
                schema: "qadam",
                table: "mass_transfer_schools",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExclusionReasonRu",
                schema: "qadam",
                table: "mass_transfer_schools",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "tvet_distance_ledger",
                schema: "qadam",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Programme = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DistanceHours = table.Column<int>(type: "integer", nullable: false),
                    TotalHours = table.Column<int>(type: "integer", nullable: false),
                    DefinitionKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tvet_distance_ledger", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tvet_distance_ledger_cases_CaseId",
                        column: x => x.CaseId,
                        principalSchema: "qadam",
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_tvet_distance_ledger_students_StudentId",
                        column: x => x.StudentId,
                        principalSchema: "qadam",
                        principalTable: "students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tvet_distance_ledger_CaseId",
                schema: "qadam",
                table: "tvet_distance_ledger",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tvet_distance_ledger_StudentId_Programme",
                schema: "qadam",
                table: "tvet_distance_ledger",
                columns: new[] { "StudentId", "Programme" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tvet_distance_ledger",
                schema: "qadam");

            migrationBuilder.DropColumn(
                name: "ExclusionLegalBasis",
                schema: "qadam",
                table: "mass_transfer_schools");

            migrationBuilder.DropColumn(
                name: "ExclusionReasonKk",
                schema: "qadam",
                table: "mass_transfer_schools");

            migrationBuilder.DropColumn(
                name: "ExclusionReasonRu",
                schema: "qadam",
                table: "mass_transfer_schools");
        }
    }
}
