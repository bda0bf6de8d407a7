using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Emergency_IssuerAndClasses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Classes",
                schema: "qadam",
                table: "emergency_orders",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IssuerNameKk",
                schema: "qadam",
                table: "emergency_orders",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IssuerNameRu",
                schema: "qadam",
                table: "emergency_orders",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            // Orders received before issuers were organisations kept the issuer as typed: print that text in both languages.
            migrationBuilder.Sql(
                """UPDATE qadam.emergency_orders SET "IssuerNameKk" = "IssuingBody", "IssuerNameRu" = "IssuingBody" WHERE "IssuerNameKk" = '';""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Classes",
                schema: "qadam",
                table: "emergency_orders");

            migrationBuilder.DropColumn(
                name: "IssuerNameKk",
                schema: "qadam",
                table: "emergency_orders");

            migrationBuilder.DropColumn(
                name: "IssuerNameRu",
                schema: "qadam",
                table: "emergency_orders");
        }
    }
}
