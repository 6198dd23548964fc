using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanLedger.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CascadeUpperLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "UpperLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    UpperPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpperLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UpperLinks_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UpperLinks_Plans_UpperPlanId",
                        column: x => x.UpperPlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UpperTaskLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UpperLinkId = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    UpperTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ConfirmedTaskId = table.Column<int>(type: "INTEGER", nullable: true),
                    Similarity = table.Column<double>(type: "REAL", nullable: false),
                    Manual = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpperTaskLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UpperTaskLinks_PlanTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UpperTaskLinks_PlanTasks_UpperTaskId",
                        column: x => x.UpperTaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UpperTaskLinks_UpperLinks_UpperLinkId",
                        column: x => x.UpperLinkId,
                        principalTable: "UpperLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UpperLinks_PlanId",
                table: "UpperLinks",
                column: "PlanId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UpperLinks_UpperPlanId",
                table: "UpperLinks",
                column: "UpperPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_UpperTaskLinks_ConfirmedTaskId",
                table: "UpperTaskLinks",
                column: "ConfirmedTaskId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UpperTaskLinks_TaskId",
                table: "UpperTaskLinks",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_UpperTaskLinks_UpperLinkId_TaskId_UpperTaskId",
                table: "UpperTaskLinks",
                columns: new[] { "UpperLinkId", "TaskId", "UpperTaskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UpperTaskLinks_UpperTaskId_Decision",
                table: "UpperTaskLinks",
                columns: new[] { "UpperTaskId", "Decision" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UpperTaskLinks");

            migrationBuilder.DropTable(
                name: "UpperLinks");
        }
    }
}
