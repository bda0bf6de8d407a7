using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReadinessForDistanceLearning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "readiness_editions",
                schema: "qadam",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Act = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ActKk = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    EditionLabel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Paragraph = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleKk = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TitleRu = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ItemsJson = table.Column<string>(type: "jsonb", nullable: false),
                    ContentSha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_readiness_editions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "readiness_records",
                schema: "qadam",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EditionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemsJson = table.Column<string>(type: "jsonb", nullable: false),
                    AttestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AttestedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AttestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_readiness_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_readiness_records_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalSchema: "qadam",
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_readiness_records_readiness_editions_EditionId",
                        column: x => x.EditionId,
                        principalSchema: "qadam",
                        principalTable: "readiness_editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_readiness_editions_EffectiveFrom",
                schema: "qadam",
                table: "readiness_editions",
                column: "EffectiveFrom",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_readiness_editions_Version",
                schema: "qadam",
                table: "readiness_editions",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_readiness_records_EditionId",
                schema: "qadam",
                table: "readiness_records",
                column: "EditionId");

            migrationBuilder.CreateIndex(
                name: "IX_readiness_records_OrganisationId_EditionId",
                schema: "qadam",
                table: "readiness_records",
                columns: new[] { "OrganisationId", "EditionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "readiness_records",
                schema: "qadam");

            migrationBuilder.DropTable(
                name: "readiness_editions",
                schema: "qadam");
        }
    }
}
