using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CasesEvidenceAndEmergencyOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases",
                schema: "qadam",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    PathwayKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    ProcessInstanceId = table.Column<Guid>(type: "uuid", nullable: true),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ground = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Language = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    ApplicantId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Data = table.Column<string>(type: "jsonb", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cases_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalSchema: "qadam",
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_cases_students_StudentId",
                        column: x => x.StudentId,
                        principalSchema: "qadam",
                        principalTable: "students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "emergency_orders",
                schema: "qadam",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuingBody = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Territory = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Organisations = table.Column<List<string>>(type: "text[]", nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Ground = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PostedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PathwayKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    ProcessInstanceId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_emergency_orders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_evidence",
                schema: "qadam",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    MediaType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_evidence_cases_CaseId",
                        column: x => x.CaseId,
                        principalSchema: "qadam",
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_evidence_CaseId",
                schema: "qadam",
                table: "case_evidence",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_ApplicantId_IdempotencyKey",
                schema: "qadam",
                table: "cases",
                columns: new[] { "ApplicantId", "IdempotencyKey" },
                unique: true,
                filter: "\"IdempotencyKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_cases_Number",
                schema: "qadam",
                table: "cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_OrganisationId_Status_FiledOn",
                schema: "qadam",
                table: "cases",
                columns: new[] { "OrganisationId", "Status", "FiledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_OrganisationId_Year_Sequence",
                schema: "qadam",
                table: "cases",
                columns: new[] { "OrganisationId", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_ProcessInstanceId",
                schema: "qadam",
                table: "cases",
                column: "ProcessInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_StudentId",
                schema: "qadam",
                table: "cases",
                column: "StudentId");

            migrationBuilder.CreateIndex(
                name: "IX_emergency_orders_IssuingBody_Number",
                schema: "qadam",
                table: "emergency_orders",
                columns: new[] { "IssuingBody", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_evidence",
                schema: "qadam");

            migrationBuilder.DropTable(
                name: "emergency_orders",
                schema: "qadam");

            migrationBuilder.DropTable(
                name: "cases",
                schema: "qadam");
        }
    }
}
