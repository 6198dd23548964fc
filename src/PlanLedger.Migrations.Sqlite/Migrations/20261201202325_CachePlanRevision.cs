using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanLedger.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CachePlanRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Revision",
                table: "Plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Plans");
        }
    }
}
