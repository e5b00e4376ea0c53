using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolarFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class SyncJobFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "follow_up_data_types",
                schema: "polarflow",
                table: "sync_jobs",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<bool>(
                name: "follow_up_requested",
                schema: "polarflow",
                table: "sync_jobs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "follow_up_trigger",
                schema: "polarflow",
                table: "sync_jobs",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "follow_up_data_types",
                schema: "polarflow",
                table: "sync_jobs");

            migrationBuilder.DropColumn(
                name: "follow_up_requested",
                schema: "polarflow",
                table: "sync_jobs");

            migrationBuilder.DropColumn(
                name: "follow_up_trigger",
                schema: "polarflow",
                table: "sync_jobs");
        }
    }
}
