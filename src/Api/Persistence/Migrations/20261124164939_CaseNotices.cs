using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CaseNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_notices",
                schema: "qadam",
                columns: table => new
                {
                    MessageId = table.Column<long>(type: "bigint", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ElementId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TextKk = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TextRu = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_notices", x => x.MessageId);
                    table.ForeignKey(
                        name: "FK_case_notices_cases_CaseId",
                        column: x => x.CaseId,
                        principalSchema: "qadam",
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_notices_CaseId",
                schema: "qadam",
                table: "case_notices",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_case_notices_StudentId",
                schema: "qadam",
                table: "case_notices",
                column: "StudentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_notices",
                schema: "qadam");
        }
    }
}
