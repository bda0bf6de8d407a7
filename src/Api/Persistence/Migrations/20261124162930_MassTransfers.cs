using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MassTransfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mass_transfers",
                schema: "qadam",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ElementId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DefinitionKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "integer", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: true),
                    Direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Done = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mass_transfers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "parent_notifications",
                schema: "qadam",
                columns: table => new
                {
                    TransferId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentIin = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parent_notifications", x => new { x.TransferId, x.StudentId });
                });

            migrationBuilder.CreateTable(
                name: "student_transfers",
                schema: "qadam",
                columns: table => new
                {
                    TransferId = table.Column<Guid>(type: "uuid", nullable: false),
                    StudentId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_student_transfers", x => new { x.TransferId, x.StudentId });
                });

            migrationBuilder.CreateTable(
                name: "mass_transfer_schools",
                schema: "qadam",
                columns: table => new
                {
                    TransferId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Done = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mass_transfer_schools", x => new { x.TransferId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_mass_transfer_schools_mass_transfers_TransferId",
                        column: x => x.TransferId,
                        principalSchema: "qadam",
                        principalTable: "mass_transfers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_mass_transfer_schools_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalSchema: "qadam",
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mass_transfer_schools_OrganisationId",
                schema: "qadam",
                table: "mass_transfer_schools",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_mass_transfers_InstanceId_ElementId",
                schema: "qadam",
                table: "mass_transfers",
                columns: new[] { "InstanceId", "ElementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mass_transfers_OrderId",
                schema: "qadam",
                table: "mass_transfers",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_parent_notifications_StudentId",
                schema: "qadam",
                table: "parent_notifications",
                column: "StudentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mass_transfer_schools",
                schema: "qadam");

            migrationBuilder.DropTable(
                name: "parent_notifications",
                schema: "qadam");

            migrationBuilder.DropTable(
                name: "student_transfers",
                schema: "qadam");

            migrationBuilder.DropTable(
                name: "mass_transfers",
                schema: "qadam");
        }
    }
}
