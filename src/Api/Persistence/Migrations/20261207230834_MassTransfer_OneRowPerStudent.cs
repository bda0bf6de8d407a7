using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MassTransfer_OneRowPerStudent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A moved student's row becomes also its parents' notice (bench/MassTransfer, "One row per student"): the
            // notices' parent IIN moves onto the rows before their table goes. Every row had its notice, written in the
            // same statement at the same instant, so created_at is the row's at.
            migrationBuilder.AddColumn<string>(
                name: "parent_iin",
                schema: "qadam",
                table: "student_transfers",
                type: "character(12)",
                fixedLength: true,
                maxLength: 12,
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE qadam.student_transfers t SET parent_iin = n.parent_iin
                FROM qadam.parent_notifications n
                WHERE n.transfer_id = t.transfer_id AND n.student_id = t.student_id AND n.parent_iin IS NOT NULL
                """);

            migrationBuilder.DropTable(
                name: "parent_notifications",
                schema: "qadam");

            migrationBuilder.DropPrimaryKey(
                name: "pk_student_transfers",
                schema: "qadam",
                table: "student_transfers");

            migrationBuilder.AddPrimaryKey(
                name: "pk_student_transfers",
                schema: "qadam",
                table: "student_transfers",
                columns: new[] { "student_id", "transfer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_student_transfers_transfer_id",
                schema: "qadam",
                table: "student_transfers",
                column: "transfer_id")
                .Annotation("Npgsql:IndexMethod", "brin")
                .Annotation("Npgsql:StorageParameter:autosummarize", true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_student_transfers",
                schema: "qadam",
                table: "student_transfers");

            migrationBuilder.DropIndex(
                name: "ix_student_transfers_transfer_id",
                schema: "qadam",
                table: "student_transfers");

            migrationBuilder.AddPrimaryKey(
                name: "pk_student_transfers",
                schema: "qadam",
                table: "student_transfers",
                columns: new[] { "transfer_id", "student_id" });

            migrationBuilder.CreateTable(
                name: "parent_notifications",
                schema: "qadam",
                columns: table => new
                {
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    transfer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    parent_iin = table.Column<string>(type: "character(12)", fixedLength: true, maxLength: 12, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parent_notifications", x => new { x.student_id, x.transfer_id });
                });

            migrationBuilder.Sql("""
                INSERT INTO qadam.parent_notifications (student_id, transfer_id, created_at, parent_iin)
                SELECT student_id, transfer_id, at, parent_iin FROM qadam.student_transfers
                """);

            migrationBuilder.DropColumn(
                name: "parent_iin",
                schema: "qadam",
                table: "student_transfers");
        }
    }
}
