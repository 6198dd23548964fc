using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PlanLedger.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    UpperPlanId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UpperLinkId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    UpperTaskId = table.Column<int>(type: "integer", nullable: false),
                    Decision = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ConfirmedTaskId = table.Column<int>(type: "integer", nullable: true),
                    Similarity = table.Column<double>(type: "double precision", nullable: false),
                    Manual = table.Column<bool>(type: "boolean", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
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
