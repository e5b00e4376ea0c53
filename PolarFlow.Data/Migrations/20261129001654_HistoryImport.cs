using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolarFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class HistoryImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "export_raw",
                schema: "polarflow",
                table: "spo2_tests",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "polarflow",
                table: "spo2_tests",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "accesslink");

            migrationBuilder.AddColumn<string>(
                name: "export_raw",
                schema: "polarflow",
                table: "sleepwise_bedtime",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "polarflow",
                table: "sleepwise_bedtime",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "accesslink");

            migrationBuilder.AddColumn<string>(
                name: "export_raw",
                schema: "polarflow",
                table: "sleepwise_alertness",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "polarflow",
                table: "sleepwise_alertness",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "accesslink");

            migrationBuilder.AddColumn<string>(
                name: "export_raw",
                schema: "polarflow",
                table: "sleep",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "polarflow",
                table: "sleep",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "accesslink");

            migrationBuilder.AddColumn<string>(
                name: "export_raw",
                schema: "polarflow",
                table: "skin_temperature",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "polarflow",
                table: "skin_temperature",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "accesslink");

            migrationBuilder.AddColumn<string>(
                name: "export_raw",
                schema: "polarflow",
                table: "skin_contacts",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "polarflow",
                table: "skin_contacts",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "accesslink");

            migrationBuilder.AddColumn<string>(
                name: "export_raw",
                schema: "polarflow",
                table: "physical_info",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "polarflow",
                table: "physical_info",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "accesslink");

            migrationBuilder.AddColumn<string>(
                name: "export_raw",
                schema: "polarflow",
                table: "nightly_recharge",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "polarflow",
                table: "nightly_recharge",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "accesslink");

            migrationBuilder.AddColumn<string>(
                name: "export_raw",
                schema: "polarflow",
                table: "exercises",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "polarflow",
                table: "exercises",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "accesslink");

            migrationBuilder.AddColumn<string>(
                name: "export_raw",
                schema: "polarflow",
                table: "exercise_samples",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "polarflow",
                table: "exercise_samples",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "accesslink");

            migrationBuilder.AddColumn<string>(
                name: "export_raw",
                schema: "polarflow",
                table: "exercise_routes",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "polarflow",
                table: "exercise_routes",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "accesslink");

            migrationBuilder.AddColumn<string>(
                name: "export_raw",
                schema: "polarflow",
                table: "ecg_tests",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "polarflow",
                table: "ecg_tests",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "accesslink");

            migrationBuilder.AddColumn<string>(
                name: "export_raw",
                schema: "polarflow",
                table: "daily_activity",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "polarflow",
                table: "daily_activity",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "accesslink");

            migrationBuilder.AddColumn<string>(
                name: "export_raw",
                schema: "polarflow",
                table: "continuous_heart_rate",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "polarflow",
                table: "continuous_heart_rate",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "accesslink");

            migrationBuilder.AddColumn<string>(
                name: "export_raw",
                schema: "polarflow",
                table: "cardio_load",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "polarflow",
                table: "cardio_load",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "accesslink");

            migrationBuilder.AddColumn<string>(
                name: "export_raw",
                schema: "polarflow",
                table: "body_temperature",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "polarflow",
                table: "body_temperature",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "accesslink");

            migrationBuilder.AddColumn<string>(
                name: "export_raw",
                schema: "polarflow",
                table: "activity_samples",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                schema: "polarflow",
                table: "activity_samples",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "accesslink");

            migrationBuilder.CreateTable(
                name: "imports",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    storage_path = table.Column<string>(type: "text", nullable: false),
                    node = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    files_total = table.Column<int>(type: "integer", nullable: false),
                    files_done = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    heartbeat_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imports", x => new { x.user_id, x.id });
                    table.ForeignKey(
                        name: "fk_imports_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "import_files",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    import_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    family = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    records = table.Column<string>(type: "jsonb", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_files", x => new { x.user_id, x.import_id, x.name });
                    table.ForeignKey(
                        name: "fk_import_files_imports_user_id_import_id",
                        columns: x => new { x.user_id, x.import_id },
                        principalSchema: "polarflow",
                        principalTable: "imports",
                        principalColumns: new[] { "user_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_imports_id",
                schema: "polarflow",
                table: "imports",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_imports_status",
                schema: "polarflow",
                table: "imports",
                column: "status",
                filter: "status IN ('Queued', 'Running')");

            migrationBuilder.CreateIndex(
                name: "ix_imports_user_id_created_at",
                schema: "polarflow",
                table: "imports",
                columns: new[] { "user_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "import_files",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "imports",
                schema: "polarflow");

            migrationBuilder.DropColumn(
                name: "export_raw",
                schema: "polarflow",
                table: "spo2_tests");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "polarflow",
                table: "spo2_tests");

            migrationBuilder.DropColumn(
                name: "export_raw",
                schema: "polarflow",
                table: "sleepwise_bedtime");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "polarflow",
                table: "sleepwise_bedtime");

            migrationBuilder.DropColumn(
                name: "export_raw",
                schema: "polarflow",
                table: "sleepwise_alertness");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "polarflow",
                table: "sleepwise_alertness");

            migrationBuilder.DropColumn(
                name: "export_raw",
                schema: "polarflow",
                table: "sleep");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "polarflow",
                table: "sleep");

            migrationBuilder.DropColumn(
                name: "export_raw",
                schema: "polarflow",
                table: "skin_temperature");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "polarflow",
                table: "skin_temperature");

            migrationBuilder.DropColumn(
                name: "export_raw",
                schema: "polarflow",
                table: "skin_contacts");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "polarflow",
                table: "skin_contacts");

            migrationBuilder.DropColumn(
                name: "export_raw",
                schema: "polarflow",
                table: "physical_info");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "polarflow",
                table: "physical_info");

            migrationBuilder.DropColumn(
                name: "export_raw",
                schema: "polarflow",
                table: "nightly_recharge");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "polarflow",
                table: "nightly_recharge");

            migrationBuilder.DropColumn(
                name: "export_raw",
                schema: "polarflow",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "polarflow",
                table: "exercises");

            migrationBuilder.DropColumn(
                name: "export_raw",
                schema: "polarflow",
                table: "exercise_samples");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "polarflow",
                table: "exercise_samples");

            migrationBuilder.DropColumn(
                name: "export_raw",
                schema: "polarflow",
                table: "exercise_routes");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "polarflow",
                table: "exercise_routes");

            migrationBuilder.DropColumn(
                name: "export_raw",
                schema: "polarflow",
                table: "ecg_tests");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "polarflow",
                table: "ecg_tests");

            migrationBuilder.DropColumn(
                name: "export_raw",
                schema: "polarflow",
                table: "daily_activity");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "polarflow",
                table: "daily_activity");

            migrationBuilder.DropColumn(
                name: "export_raw",
                schema: "polarflow",
                table: "continuous_heart_rate");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "polarflow",
                table: "continuous_heart_rate");

            migrationBuilder.DropColumn(
                name: "export_raw",
                schema: "polarflow",
                table: "cardio_load");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "polarflow",
                table: "cardio_load");

            migrationBuilder.DropColumn(
                name: "export_raw",
                schema: "polarflow",
                table: "body_temperature");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "polarflow",
                table: "body_temperature");

            migrationBuilder.DropColumn(
                name: "export_raw",
                schema: "polarflow",
                table: "activity_samples");

            migrationBuilder.DropColumn(
                name: "source",
                schema: "polarflow",
                table: "activity_samples");
        }
    }
}
