using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Api.Persistence.Migrations
{
    /// <summary>
    /// The table of SeedFingerprint: read and written with SQL at start only, so it is no entity of the model (the model
    /// snapshot does not change).
    /// </summary>
    [DbContext(typeof(QadamDbContext))]
    [Migration("20261207025403_ColdStart_SeedFingerprint")]
    public partial class ColdStart_SeedFingerprint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE qadam.seed_fingerprints (
                    name text PRIMARY KEY,
                    sha256 text NOT NULL,
                    seeded_at timestamp with time zone NOT NULL
                )
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE qadam.seed_fingerprints");
        }
    }
}
