using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class UniversityProgrammesAndStudyPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "university_programmes",
                schema: "qadam",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UniversityId = table.Column<Guid>(type: "uuid", nullable: false),
                    FacultyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NameKk = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameRu = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Field = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Level = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_university_programmes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_university_programmes_organisations_FacultyId",
                        column: x => x.FacultyId,
                        principalSchema: "qadam",
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_university_programmes_organisations_UniversityId",
                        column: x => x.UniversityId,
                        principalSchema: "qadam",
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "university_study_plans",
                schema: "qadam",
                columns: table => new
                {
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Credits = table.Column<int>(type: "integer", nullable: false),
                    MobilityCredits = table.Column<int>(type: "integer", nullable: false),
                    Disciplines = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_university_study_plans", x => x.StudentId);
                    table.ForeignKey(
                        name: "FK_university_study_plans_students_StudentId",
                        column: x => x.StudentId,
                        principalSchema: "qadam",
                        principalTable: "students",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_university_study_plans_university_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalSchema: "qadam",
                        principalTable: "university_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_university_programmes_FacultyId",
                schema: "qadam",
                table: "university_programmes",
                column: "FacultyId");

            migrationBuilder.CreateIndex(
                name: "IX_university_programmes_UniversityId_Code",
                schema: "qadam",
                table: "university_programmes",
                columns: new[] { "UniversityId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_university_study_plans_ProgrammeId",
                schema: "qadam",
                table: "university_study_plans",
                column: "ProgrammeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "university_study_plans",
                schema: "qadam");

            migrationBuilder.DropTable(
                name: "university_programmes",
                schema: "qadam");
        }
    }
}
