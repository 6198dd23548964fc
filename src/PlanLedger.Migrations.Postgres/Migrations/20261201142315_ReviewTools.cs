using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanLedger.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReviewTools : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskUnits_UnitId_TaskId",
                table: "TaskUnits");

            // A unit is linked to a task at most once: duplicates made before the rule ("人事科、人事科", one unit as lead
            // and again as support) keep the lead link, else the first one.
            migrationBuilder.Sql("""
                DELETE FROM "TaskUnits" WHERE "UnitId" IS NOT NULL AND EXISTS (
                    SELECT 1 FROM "TaskUnits" o
                    WHERE o."TaskId" = "TaskUnits"."TaskId" AND o."UnitId" = "TaskUnits"."UnitId" AND o."Id" <> "TaskUnits"."Id"
                      AND ((o."Role" = 'Lead' AND "TaskUnits"."Role" <> 'Lead') OR (o."Role" = "TaskUnits"."Role" AND o."Id" < "TaskUnits"."Id")));
                """);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ArchivedAt",
                table: "Plans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskUnits_UnitId_TaskId",
                table: "TaskUnits",
                columns: new[] { "UnitId", "TaskId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskUnits_UnitId_TaskId",
                table: "TaskUnits");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Plans");

            migrationBuilder.CreateIndex(
                name: "IX_TaskUnits_UnitId_TaskId",
                table: "TaskUnits",
                columns: new[] { "UnitId", "TaskId" });
        }
    }
}
