using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PlanLedger.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Instance = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "PlanSources",
                columns: table => new
                {
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false)
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
                type: "text",
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
