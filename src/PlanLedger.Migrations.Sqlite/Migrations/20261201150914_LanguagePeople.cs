using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanLedger.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LanguagePeople : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Organisations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            // People by 姓名: names recorded as usernames before now read as the person's display name.
            migrationBuilder.Sql("UPDATE \"ProgressReports\" SET \"SubmittedByName\" = (SELECT u.\"DisplayName\" FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"ProgressReports\".\"SubmittedByName\") " +
                "WHERE EXISTS (SELECT 1 FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"ProgressReports\".\"SubmittedByName\" AND u.\"DisplayName\" <> '')");
            migrationBuilder.Sql("UPDATE \"ProgressReports\" SET \"ReviewedByName\" = (SELECT u.\"DisplayName\" FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"ProgressReports\".\"ReviewedByName\") " +
                "WHERE EXISTS (SELECT 1 FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"ProgressReports\".\"ReviewedByName\" AND u.\"DisplayName\" <> '')");
            migrationBuilder.Sql("UPDATE \"PlanTasks\" SET \"ClosedByName\" = (SELECT u.\"DisplayName\" FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"PlanTasks\".\"ClosedByName\") " +
                "WHERE EXISTS (SELECT 1 FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"PlanTasks\".\"ClosedByName\" AND u.\"DisplayName\" <> '')");
            migrationBuilder.Sql("UPDATE \"TaskEvents\" SET \"ByName\" = (SELECT u.\"DisplayName\" FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"TaskEvents\".\"ByName\") " +
                "WHERE EXISTS (SELECT 1 FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"TaskEvents\".\"ByName\" AND u.\"DisplayName\" <> '')");
            migrationBuilder.Sql("UPDATE \"SupervisionEvents\" SET \"ByName\" = (SELECT u.\"DisplayName\" FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"SupervisionEvents\".\"ByName\") " +
                "WHERE EXISTS (SELECT 1 FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"SupervisionEvents\".\"ByName\" AND u.\"DisplayName\" <> '')");
            migrationBuilder.Sql("UPDATE \"SupervisionNotices\" SET \"IssuedByName\" = (SELECT u.\"DisplayName\" FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"SupervisionNotices\".\"IssuedByName\") " +
                "WHERE EXISTS (SELECT 1 FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"SupervisionNotices\".\"IssuedByName\" AND u.\"DisplayName\" <> '')");
            migrationBuilder.Sql("UPDATE \"TaskRequests\" SET \"RequestedByName\" = (SELECT u.\"DisplayName\" FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"TaskRequests\".\"RequestedByName\") " +
                "WHERE EXISTS (SELECT 1 FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"TaskRequests\".\"RequestedByName\" AND u.\"DisplayName\" <> '')");
            migrationBuilder.Sql("UPDATE \"TaskRequests\" SET \"DecidedByName\" = (SELECT u.\"DisplayName\" FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"TaskRequests\".\"DecidedByName\") " +
                "WHERE EXISTS (SELECT 1 FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"TaskRequests\".\"DecidedByName\" AND u.\"DisplayName\" <> '')");
            migrationBuilder.Sql("UPDATE \"UrgeRecords\" SET \"ByName\" = (SELECT u.\"DisplayName\" FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"UrgeRecords\".\"ByName\") " +
                "WHERE EXISTS (SELECT 1 FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"UrgeRecords\".\"ByName\" AND u.\"DisplayName\" <> '')");
            migrationBuilder.Sql("UPDATE \"LeaderComments\" SET \"AuthorName\" = (SELECT u.\"DisplayName\" FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"LeaderComments\".\"AuthorName\") " +
                "WHERE EXISTS (SELECT 1 FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"LeaderComments\".\"AuthorName\" AND u.\"DisplayName\" <> '')");
            migrationBuilder.Sql("UPDATE \"PublicPlans\" SET \"PublishedByName\" = (SELECT u.\"DisplayName\" FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"PublicPlans\".\"PublishedByName\") " +
                "WHERE EXISTS (SELECT 1 FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"PublicPlans\".\"PublishedByName\" AND u.\"DisplayName\" <> '')");
            migrationBuilder.Sql("UPDATE \"DocumentDrafts\" SET \"UpdatedByName\" = (SELECT u.\"DisplayName\" FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"DocumentDrafts\".\"UpdatedByName\") " +
                "WHERE EXISTS (SELECT 1 FROM \"AspNetUsers\" u WHERE u.\"UserName\" = \"DocumentDrafts\".\"UpdatedByName\" AND u.\"DisplayName\" <> '')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "AspNetUsers");
        }
    }
}
