using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Api.Persistence.Migrations
{
    /// <summary>
    /// Every change to the organisation tree, through the API, a script or psql, sends a notice on the channel
    /// <c>qadam_organisations</c> when it commits (PostgreSQL NOTIFY), so each API process drops the trees it has cached.
    /// </summary>
    [DbContext(typeof(QadamDbContext))]
    [Migration("20261206040000_OrganisationChangeNotices")]
    public partial class OrganisationChangeNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION qadam.notify_organisations_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('qadam_organisations', '');
                    RETURN NULL;
                END $$;
                CREATE TRIGGER organisations_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON qadam.organisations
                    FOR EACH STATEMENT EXECUTE FUNCTION qadam.notify_organisations_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER organisations_changed ON qadam.organisations;
                DROP FUNCTION qadam.notify_organisations_changed();
                """);
        }
    }
}
