using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanLedger.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LoopYears : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "SupervisionUnits",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReplyText",
                table: "SupervisionUnits",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "SupervisionUnits",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Issued");

            // Each unit's part takes its state from what it did before parts had their own (a closed or stopped notice closes or stops all parts).
            migrationBuilder.Sql("""
                UPDATE "SupervisionUnits" SET "State" = CASE
                    WHEN (SELECT n."State" FROM "SupervisionNotices" n WHERE n."Id" = "SupervisionUnits"."NoticeId") IN ('Closed', 'Stopped')
                        THEN (SELECT n."State" FROM "SupervisionNotices" n WHERE n."Id" = "SupervisionUnits"."NoticeId")
                    WHEN "RepliedAt" IS NOT NULL THEN 'Replied'
                    WHEN "AcknowledgedAt" IS NOT NULL THEN 'Acknowledged'
                    ELSE 'Issued' END
                """);

            migrationBuilder.AddColumn<bool>(
                name: "CarriedOver",
                table: "PlanTasks",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PreviousTaskId",
                table: "PlanTasks",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanTasks_PreviousTaskId",
                table: "PlanTasks",
                column: "PreviousTaskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanTasks_PreviousTaskId",
                table: "PlanTasks");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "SupervisionUnits");

            migrationBuilder.DropColumn(
                name: "ReplyText",
                table: "SupervisionUnits");

            migrationBuilder.DropColumn(
                name: "State",
                table: "SupervisionUnits");

            migrationBuilder.DropColumn(
                name: "CarriedOver",
                table: "PlanTasks");

            migrationBuilder.DropColumn(
                name: "PreviousTaskId",
                table: "PlanTasks");
        }
    }
}
