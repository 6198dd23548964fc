using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanLedger.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FixColumnLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "PairedRow",
                table: "PlanTasks",
                type: "character varying(250000)",
                maxLength: 250000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Text",
                table: "DocumentDrafts",
                type: "character varying(100000)",
                maxLength: 100000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "Definition",
                table: "AssessmentSchemes",
                type: "character varying(200000)",
                maxLength: 200000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "Inputs",
                table: "Assessments",
                type: "character varying(500000)",
                maxLength: 500000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "FrozenScheme",
                table: "Assessments",
                type: "character varying(500000)",
                maxLength: 500000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "FrozenResults",
                table: "Assessments",
                type: "character varying(500000)",
                maxLength: 500000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "PairedRow",
                table: "PlanTasks",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(250000)",
                oldMaxLength: 250000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Text",
                table: "DocumentDrafts",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100000)",
                oldMaxLength: 100000);

            migrationBuilder.AlterColumn<string>(
                name: "Definition",
                table: "AssessmentSchemes",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200000)",
                oldMaxLength: 200000);

            migrationBuilder.AlterColumn<string>(
                name: "Inputs",
                table: "Assessments",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500000)",
                oldMaxLength: 500000);

            migrationBuilder.AlterColumn<string>(
                name: "FrozenScheme",
                table: "Assessments",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500000)",
                oldMaxLength: 500000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "FrozenResults",
                table: "Assessments",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500000)",
                oldMaxLength: 500000,
                oldNullable: true);
        }
    }
}
