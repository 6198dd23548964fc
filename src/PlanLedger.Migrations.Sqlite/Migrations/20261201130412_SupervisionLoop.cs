using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanLedger.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SupervisionLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_UnitId_TaskId_Kind_Period",
                table: "Notifications");

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "Units",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebhookUrl",
                table: "Units",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Drives",
                table: "ProgressReports",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "EditedAt",
                table: "ProgressReports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LiveKey",
                table: "ProgressReports",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedByName",
                table: "ProgressReports",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CloseReason",
                table: "PlanTasks",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedByName",
                table: "PlanTasks",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Ongoing",
                table: "PlanTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "PlanTasks",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<int>(
                name: "UnitId",
                table: "Notifications",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "DedupeKey",
                table: "Notifications",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DispatchAttempts",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "DispatchedAt",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OrganisationId",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SupervisionNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReplyBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReplyText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RepliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StopReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EscalationProposedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionNotices_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskEvents_PlanTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequestedDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PreviousDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RequestedById = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecisionComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskRequests_PlanTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TaskRequests_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UrgeRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ById = table.Column<int>(type: "INTEGER", nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UrgeRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UrgeRecords_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UrgeRecords_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LeaderComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: true),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeaderComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeaderComments_PlanTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LeaderComments_ProgressReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "ProgressReports",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_LeaderComments_SupervisionNotices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "SupervisionNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FromState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ToState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionEvents_SupervisionNotices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "SupervisionNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionTasks_PlanTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupervisionTasks_SupervisionNotices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "SupervisionNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RepliedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionUnits_SupervisionNotices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "SupervisionNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupervisionUnits_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestAttachments_TaskRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "TaskRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionAttachments_SupervisionEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "SupervisionEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Existing data: "Accepted" is now "Approved"; the newest live report per task, unit and period takes the
            // live key (the unique index follows); every existing report drives its task, as before; old reminders keep
            // their dedupe key and are not e-mailed now.
            migrationBuilder.Sql("UPDATE \"ProgressReports\" SET \"Status\" = 'Approved' WHERE \"Status\" = 'Accepted'");
            migrationBuilder.Sql("UPDATE \"ProgressReports\" SET \"Drives\" = 1");
            migrationBuilder.Sql("UPDATE \"ProgressReports\" SET \"LiveKey\" = CAST(\"TaskId\" AS TEXT) || '|' || CAST(COALESCE(\"UnitId\", 0) AS TEXT) || '|' || \"Period\" " +
                "WHERE \"Id\" IN (SELECT MAX(\"Id\") FROM \"ProgressReports\" WHERE \"Status\" IN ('Submitted', 'Approved') GROUP BY \"TaskId\", COALESCE(\"UnitId\", 0), \"Period\")");
            migrationBuilder.Sql("UPDATE \"Notifications\" SET \"DedupeKey\" = CAST(\"UnitId\" AS TEXT) || '|' || CAST(\"TaskId\" AS TEXT) || '|' || \"Kind\" || '|' || \"Period\", " +
                "\"DispatchedAt\" = \"CreatedAt\"");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_LiveKey",
                table: "ProgressReports",
                column: "LiveKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_DedupeKey",
                table: "Notifications",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_DispatchedAt",
                table: "Notifications",
                column: "DispatchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_OrganisationId_ReadAt",
                table: "Notifications",
                columns: new[] { "OrganisationId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LeaderComments_NoticeId",
                table: "LeaderComments",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_LeaderComments_ReportId",
                table: "LeaderComments",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_LeaderComments_TaskId",
                table: "LeaderComments",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_RequestAttachments_RequestId",
                table: "RequestAttachments",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionAttachments_EventId",
                table: "SupervisionAttachments",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionEvents_NoticeId",
                table: "SupervisionEvents",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotices_OrganisationId_State",
                table: "SupervisionNotices",
                columns: new[] { "OrganisationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionNotices_OrganisationId_Year_Sequence",
                table: "SupervisionNotices",
                columns: new[] { "OrganisationId", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionTasks_NoticeId",
                table: "SupervisionTasks",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionTasks_TaskId_NoticeId",
                table: "SupervisionTasks",
                columns: new[] { "TaskId", "NoticeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionUnits_NoticeId",
                table: "SupervisionUnits",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionUnits_UnitId_NoticeId",
                table: "SupervisionUnits",
                columns: new[] { "UnitId", "NoticeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskEvents_TaskId",
                table: "TaskEvents",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskRequests_TaskId_State",
                table: "TaskRequests",
                columns: new[] { "TaskId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskRequests_UnitId",
                table: "TaskRequests",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_UrgeRecords_PlanId_UnitId_Period_Day",
                table: "UrgeRecords",
                columns: new[] { "PlanId", "UnitId", "Period", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UrgeRecords_UnitId",
                table: "UrgeRecords",
                column: "UnitId");

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_Organisations_OrganisationId",
                table: "Notifications",
                column: "OrganisationId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_Organisations_OrganisationId",
                table: "Notifications");

            migrationBuilder.DropTable(
                name: "LeaderComments");

            migrationBuilder.DropTable(
                name: "RequestAttachments");

            migrationBuilder.DropTable(
                name: "SupervisionAttachments");

            migrationBuilder.DropTable(
                name: "SupervisionTasks");

            migrationBuilder.DropTable(
                name: "SupervisionUnits");

            migrationBuilder.DropTable(
                name: "TaskEvents");

            migrationBuilder.DropTable(
                name: "UrgeRecords");

            migrationBuilder.DropTable(
                name: "TaskRequests");

            migrationBuilder.DropTable(
                name: "SupervisionEvents");

            migrationBuilder.DropTable(
                name: "SupervisionNotices");

            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_LiveKey",
                table: "ProgressReports");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_DedupeKey",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_DispatchedAt",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_OrganisationId_ReadAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "WebhookUrl",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "Drives",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "EditedAt",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "LiveKey",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "ReviewedByName",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "CloseReason",
                table: "PlanTasks");

            migrationBuilder.DropColumn(
                name: "ClosedByName",
                table: "PlanTasks");

            migrationBuilder.DropColumn(
                name: "Ongoing",
                table: "PlanTasks");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "PlanTasks");

            migrationBuilder.DropColumn(
                name: "DedupeKey",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "DispatchAttempts",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "DispatchedAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "Notifications");

            migrationBuilder.AlterColumn<int>(
                name: "UnitId",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UnitId_TaskId_Kind_Period",
                table: "Notifications",
                columns: new[] { "UnitId", "TaskId", "Kind", "Period" },
                unique: true);
        }
    }
}
