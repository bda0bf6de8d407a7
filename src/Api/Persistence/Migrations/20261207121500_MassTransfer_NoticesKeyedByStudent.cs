using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MassTransfer_NoticesKeyedByStudent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_parent_notifications",
                schema: "qadam",
                table: "parent_notifications");

            migrationBuilder.DropIndex(
                name: "ix_parent_notifications_student_id",
                schema: "qadam",
                table: "parent_notifications");

            migrationBuilder.AddPrimaryKey(
                name: "pk_parent_notifications",
                schema: "qadam",
                table: "parent_notifications",
                columns: new[] { "student_id", "transfer_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_parent_notifications",
                schema: "qadam",
                table: "parent_notifications");

            migrationBuilder.AddPrimaryKey(
                name: "pk_parent_notifications",
                schema: "qadam",
                table: "parent_notifications",
                columns: new[] { "transfer_id", "student_id" });

            migrationBuilder.CreateIndex(
                name: "ix_parent_notifications_student_id",
                schema: "qadam",
                table: "parent_notifications",
                column: "student_id");
        }
    }
}
