using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanLedger.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditScope : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ActorOrganisationPath",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorOrganisationPath",
                table: "AuditEntries",
                column: "ActorOrganisationPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ActorOrganisationPath",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ActorOrganisationPath",
                table: "AuditEntries");
        }
    }
}
