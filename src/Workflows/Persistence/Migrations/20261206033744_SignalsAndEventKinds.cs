using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SignalsAndEventKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "event_type",
                schema: "workflows",
                table: "subscriptions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "message");

            migrationBuilder.AddColumn<List<string>>(
                name: "start_signals",
                schema: "workflows",
                table: "definitions",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "event_type",
                schema: "workflows",
                table: "subscriptions");

            migrationBuilder.DropColumn(
                name: "start_signals",
                schema: "workflows",
                table: "definitions");
        }
    }
}
