using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Workflows.Persistence.Migrations
{
    /// <summary>
    /// No change to the schema: the legal basis stays the same <c>jsonb</c> column with the same text, now mapped through a
    /// value converter instead of an owned JSON entity (LegalBasisJson); the migration records the model the change
    /// leaves, so EF does not see a pending model change.
    /// </summary>
    public partial class LegalBasis_ValueConverter : Migration
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
