using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanLedger.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Instance = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "PlanSources",
                columns: table => new
                {
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanSources", x => x.PlanId);
                    table.ForeignKey(
                        name: "FK_PlanSources_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Each plan's source text moves to its own table before the column goes.
            migrationBuilder.Sql("INSERT INTO \"PlanSources\" (\"PlanId\", \"Text\") SELECT \"Id\", \"SourceText\" FROM \"Plans\";");

            migrationBuilder.DropColumn(
                name: "SourceText",
                table: "Plans");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_Status_TaskId",
                table: "ProgressReports",
                columns: new[] { "Status", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanTasks_PlanId_ParentId",
                table: "PlanTasks",
                columns: new[] { "PlanId", "ParentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SourceText",
                table: "Plans",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE \"Plans\" SET \"SourceText\" = (SELECT s.\"Text\" FROM \"PlanSources\" s WHERE s.\"PlanId\" = \"Plans\".\"Id\");");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropTable(
                name: "PlanSources");

            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_Status_TaskId",
                table: "ProgressReports");

            migrationBuilder.DropIndex(
                name: "IX_PlanTasks_PlanId_ParentId",
                table: "PlanTasks");

        }
    }
}
