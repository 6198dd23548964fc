using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanLedger.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FixColumnLimits : Migration
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
