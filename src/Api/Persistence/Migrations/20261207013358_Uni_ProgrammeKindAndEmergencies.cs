using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Uni_ProgrammeKindAndEmergencies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                schema: "qadam",
                table: "university_programmes",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "regular");

            migrationBuilder.CreateTable(
                name: "university_emergencies",
                schema: "qadam",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UniversityId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuerCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrderDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    ProcessInstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_university_emergencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_university_emergencies_organisations_UniversityId",
                        column: x => x.UniversityId,
                        principalSchema: "qadam",
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_university_emergencies_UniversityId_IssuerCode_Number",
                schema: "qadam",
                table: "university_emergencies",
                columns: new[] { "UniversityId", "IssuerCode", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_university_emergencies_UniversityId_PeriodTo",
                schema: "qadam",
                table: "university_emergencies",
                columns: new[] { "UniversityId", "PeriodTo" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "university_emergencies",
                schema: "qadam");

            migrationBuilder.DropColumn(
                name: "Kind",
                schema: "qadam",
                table: "university_programmes");
        }
    }
}
