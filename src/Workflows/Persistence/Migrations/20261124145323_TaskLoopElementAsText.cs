using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qadam.Workflows.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TaskLoopElementAsText : Migration
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
