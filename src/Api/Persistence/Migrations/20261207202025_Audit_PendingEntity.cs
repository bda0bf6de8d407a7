using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Api.Persistence.Migrations
{
    /// <summary>
    /// Records <c>qadam.audit_pending</c> (made by <c>Audit_PlacedAtCommit</c>, unchanged) as an entity of the model:
    /// a command's audit event is inserted by its own SaveChanges, in one batch with the command's rows, instead of one
    /// round trip of its own (bench/Http/README.md, "Session 11"). The schema does not change.
    /// </summary>
    public partial class Audit_PendingEntity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
