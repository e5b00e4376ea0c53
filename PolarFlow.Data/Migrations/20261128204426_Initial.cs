using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PolarFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "polarflow");

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                schema: "polarflow",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    polar_user_id = table.Column<long>(type: "bigint", nullable: true),
                    encrypted_access_token = table.Column<string>(type: "text", nullable: true),
                    connection_state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    connection_state_reason = table.Column<string>(type: "text", nullable: true),
                    polar_registration_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: true),
                    data_version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "activity_samples",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    step_interval_ms = table.Column<int>(type: "integer", nullable: true),
                    total_steps = table.Column<int>(type: "integer", nullable: true),
                    step_samples = table.Column<string>(type: "jsonb", nullable: true),
                    activity_zones = table.Column<string>(type: "jsonb", nullable: true),
                    inactivity_stamps = table.Column<string>(type: "jsonb", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_samples", x => new { x.user_id, x.date });
                    table.ForeignKey(
                        name: "fk_activity_samples_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "api_keys",
                schema: "polarflow",
                columns: table => new
                {
                    key_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    key_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.key_id);
                    table.CheckConstraint("ck_api_keys_user_key_has_user", "kind <> 'User' OR user_id IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_api_keys_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "body_temperature",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    source_device_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    start_time = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    end_time = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    modified_time = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    measurement_type = table.Column<string>(type: "text", nullable: true),
                    sensor_location = table.Column<string>(type: "text", nullable: true),
                    samples = table.Column<string>(type: "jsonb", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_body_temperature", x => new { x.user_id, x.source_device_id, x.start_time });
                    table.ForeignKey(
                        name: "fk_body_temperature_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cardio_load",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    cardio_load_status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    cardio_load = table.Column<double>(type: "double precision", nullable: true),
                    strain = table.Column<double>(type: "double precision", nullable: true),
                    tolerance = table.Column<double>(type: "double precision", nullable: true),
                    cardio_load_ratio = table.Column<double>(type: "double precision", nullable: true),
                    level_very_low = table.Column<double>(type: "double precision", nullable: true),
                    level_low = table.Column<double>(type: "double precision", nullable: true),
                    level_medium = table.Column<double>(type: "double precision", nullable: true),
                    level_high = table.Column<double>(type: "double precision", nullable: true),
                    level_very_high = table.Column<double>(type: "double precision", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cardio_load", x => new { x.user_id, x.date });
                    table.ForeignKey(
                        name: "fk_cardio_load_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "continuous_heart_rate",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    sample_seconds = table.Column<int[]>(type: "integer[]", nullable: false),
                    heart_rates = table.Column<int[]>(type: "integer[]", nullable: false),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_continuous_heart_rate", x => new { x.user_id, x.date });
                    table.CheckConstraint("ck_continuous_heart_rate_parallel_arrays", "cardinality(sample_seconds) = cardinality(heart_rates)");
                    table.ForeignKey(
                        name: "fk_continuous_heart_rate_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "daily_activity",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    start_time = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    end_time = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    active_duration = table.Column<TimeSpan>(type: "interval", nullable: true),
                    inactive_duration = table.Column<TimeSpan>(type: "interval", nullable: true),
                    daily_activity = table.Column<double>(type: "double precision", nullable: true),
                    calories = table.Column<int>(type: "integer", nullable: true),
                    active_calories = table.Column<int>(type: "integer", nullable: true),
                    steps = table.Column<int>(type: "integer", nullable: true),
                    inactivity_alert_count = table.Column<int>(type: "integer", nullable: true),
                    distance_from_steps = table.Column<double>(type: "double precision", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_activity", x => new { x.user_id, x.date });
                    table.ForeignKey(
                        name: "fk_daily_activity_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ecg_tests",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    test_time = table.Column<long>(type: "bigint", nullable: false),
                    source_device_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    time_zone_offset_minutes = table.Column<int>(type: "integer", nullable: true),
                    average_heart_rate_bpm = table.Column<int>(type: "integer", nullable: true),
                    heart_rate_variability_ms = table.Column<double>(type: "double precision", nullable: true),
                    heart_rate_variability_level = table.Column<string>(type: "text", nullable: true),
                    rri_ms = table.Column<double>(type: "double precision", nullable: true),
                    pulse_transit_time_systolic_ms = table.Column<double>(type: "double precision", nullable: true),
                    pulse_transit_time_diastolic_ms = table.Column<double>(type: "double precision", nullable: true),
                    pulse_transit_time_quality_index = table.Column<double>(type: "double precision", nullable: true),
                    samples = table.Column<string>(type: "jsonb", nullable: true),
                    quality_measurements = table.Column<string>(type: "jsonb", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ecg_tests", x => new { x.user_id, x.test_time, x.source_device_id });
                    table.ForeignKey(
                        name: "fk_ecg_tests_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exercise_routes",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    exercise_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    point_count = table.Column<int>(type: "integer", nullable: false),
                    points = table.Column<string>(type: "jsonb", nullable: false),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exercise_routes", x => new { x.user_id, x.exercise_id });
                    table.ForeignKey(
                        name: "fk_exercise_routes_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exercise_samples",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    exercise_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sample_type = table.Column<int>(type: "integer", nullable: false),
                    recording_rate = table.Column<int>(type: "integer", nullable: true),
                    data = table.Column<string>(type: "text", nullable: false),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exercise_samples", x => new { x.user_id, x.exercise_id, x.sample_type });
                    table.ForeignKey(
                        name: "fk_exercise_samples_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exercises",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    exercise_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    upload_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    device = table.Column<string>(type: "text", nullable: true),
                    device_id = table.Column<string>(type: "text", nullable: true),
                    start_time = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    start_time_utc_offset_minutes = table.Column<int>(type: "integer", nullable: true),
                    duration = table.Column<TimeSpan>(type: "interval", nullable: true),
                    calories = table.Column<int>(type: "integer", nullable: true),
                    distance = table.Column<double>(type: "double precision", nullable: true),
                    heart_rate_average = table.Column<int>(type: "integer", nullable: true),
                    heart_rate_maximum = table.Column<int>(type: "integer", nullable: true),
                    training_load = table.Column<double>(type: "double precision", nullable: true),
                    sport = table.Column<string>(type: "text", nullable: true),
                    has_route = table.Column<bool>(type: "boolean", nullable: true),
                    detailed_sport_info = table.Column<string>(type: "text", nullable: true),
                    running_index = table.Column<int>(type: "integer", nullable: true),
                    fat_percentage = table.Column<int>(type: "integer", nullable: true),
                    carbohydrate_percentage = table.Column<int>(type: "integer", nullable: true),
                    protein_percentage = table.Column<int>(type: "integer", nullable: true),
                    club_id = table.Column<long>(type: "bigint", nullable: true),
                    club_name = table.Column<string>(type: "text", nullable: true),
                    cardio_load = table.Column<double>(type: "double precision", nullable: true),
                    muscle_load = table.Column<double>(type: "double precision", nullable: true),
                    perceived_load = table.Column<double>(type: "double precision", nullable: true),
                    cardio_load_interpretation = table.Column<string>(type: "text", nullable: true),
                    muscle_load_interpretation = table.Column<string>(type: "text", nullable: true),
                    perceived_load_interpretation = table.Column<string>(type: "text", nullable: true),
                    user_rpe = table.Column<string>(type: "text", nullable: true),
                    training_load_pro = table.Column<string>(type: "jsonb", nullable: true),
                    heart_rate_zones = table.Column<string>(type: "jsonb", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exercises", x => new { x.user_id, x.exercise_id });
                    table.ForeignKey(
                        name: "fk_exercises_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "nightly_recharge",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    heart_rate_avg = table.Column<int>(type: "integer", nullable: true),
                    beat_to_beat_avg = table.Column<int>(type: "integer", nullable: true),
                    heart_rate_variability_avg = table.Column<int>(type: "integer", nullable: true),
                    breathing_rate_avg = table.Column<double>(type: "double precision", nullable: true),
                    nightly_recharge_status = table.Column<int>(type: "integer", nullable: true),
                    ans_charge = table.Column<double>(type: "double precision", nullable: true),
                    ans_charge_status = table.Column<int>(type: "integer", nullable: true),
                    hrv_samples = table.Column<string>(type: "jsonb", nullable: true),
                    breathing_samples = table.Column<string>(type: "jsonb", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_nightly_recharge", x => new { x.user_id, x.date });
                    table.ForeignKey(
                        name: "fk_nightly_recharge_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "physical_info",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    polar_created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    weight = table.Column<double>(type: "double precision", nullable: true),
                    height = table.Column<double>(type: "double precision", nullable: true),
                    birthday = table.Column<DateOnly>(type: "date", nullable: true),
                    gender = table.Column<string>(type: "text", nullable: true),
                    maximum_heart_rate = table.Column<int>(type: "integer", nullable: true),
                    resting_heart_rate = table.Column<int>(type: "integer", nullable: true),
                    aerobic_threshold = table.Column<int>(type: "integer", nullable: true),
                    anaerobic_threshold = table.Column<int>(type: "integer", nullable: true),
                    vo2max = table.Column<int>(type: "integer", nullable: true),
                    weight_source = table.Column<string>(type: "text", nullable: true),
                    training_background = table.Column<string>(type: "text", nullable: true),
                    typical_day = table.Column<string>(type: "text", nullable: true),
                    sleep_goal = table.Column<TimeSpan>(type: "interval", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_physical_info", x => new { x.user_id, x.modified_at });
                    table.ForeignKey(
                        name: "fk_physical_info_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "skin_contacts",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    source_device_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    start_time = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    end_time = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    modified_time = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    skin_contact_changes = table.Column<string>(type: "jsonb", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_skin_contacts", x => new { x.user_id, x.source_device_id, x.start_time });
                    table.ForeignKey(
                        name: "fk_skin_contacts_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "skin_temperature",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    sleep_date = table.Column<DateOnly>(type: "date", nullable: false),
                    sleep_time_skin_temperature_celsius = table.Column<double>(type: "double precision", nullable: true),
                    deviation_from_baseline_celsius = table.Column<double>(type: "double precision", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_skin_temperature", x => new { x.user_id, x.sleep_date });
                    table.ForeignKey(
                        name: "fk_skin_temperature_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sleep",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    sleep_start_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sleep_end_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sleep_start_offset_minutes = table.Column<int>(type: "integer", nullable: true),
                    sleep_end_offset_minutes = table.Column<int>(type: "integer", nullable: true),
                    device_id = table.Column<string>(type: "text", nullable: true),
                    continuity = table.Column<double>(type: "double precision", nullable: true),
                    continuity_class = table.Column<int>(type: "integer", nullable: true),
                    light_sleep = table.Column<int>(type: "integer", nullable: true),
                    deep_sleep = table.Column<int>(type: "integer", nullable: true),
                    rem_sleep = table.Column<int>(type: "integer", nullable: true),
                    unrecognized_sleep_stage = table.Column<int>(type: "integer", nullable: true),
                    sleep_score = table.Column<int>(type: "integer", nullable: true),
                    total_interruption_duration = table.Column<int>(type: "integer", nullable: true),
                    sleep_charge = table.Column<int>(type: "integer", nullable: true),
                    sleep_goal = table.Column<int>(type: "integer", nullable: true),
                    sleep_rating = table.Column<int>(type: "integer", nullable: true),
                    short_interruption_duration = table.Column<int>(type: "integer", nullable: true),
                    long_interruption_duration = table.Column<int>(type: "integer", nullable: true),
                    sleep_cycles = table.Column<int>(type: "integer", nullable: true),
                    group_duration_score = table.Column<double>(type: "double precision", nullable: true),
                    group_solidity_score = table.Column<double>(type: "double precision", nullable: true),
                    group_regeneration_score = table.Column<double>(type: "double precision", nullable: true),
                    hypnogram = table.Column<string>(type: "jsonb", nullable: true),
                    heart_rate_samples = table.Column<string>(type: "jsonb", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sleep", x => new { x.user_id, x.date });
                    table.ForeignKey(
                        name: "fk_sleep_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sleepwise_alertness",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    period_start_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    result_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    period_end_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    grade = table.Column<double>(type: "double precision", nullable: true),
                    grade_validity_seconds = table.Column<int>(type: "integer", nullable: true),
                    grade_type = table.Column<string>(type: "text", nullable: true),
                    grade_classification = table.Column<string>(type: "text", nullable: true),
                    validity = table.Column<string>(type: "text", nullable: true),
                    sleep_inertia = table.Column<string>(type: "text", nullable: true),
                    sleep_type = table.Column<string>(type: "text", nullable: true),
                    sleep_period_start_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sleep_period_end_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sleep_timezone_offset_minutes = table.Column<int>(type: "integer", nullable: true),
                    hourly_data = table.Column<string>(type: "jsonb", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sleepwise_alertness", x => new { x.user_id, x.period_start_time, x.result_type });
                    table.ForeignKey(
                        name: "fk_sleepwise_alertness_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sleepwise_bedtime",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    period_start_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    result_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    period_end_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    validity = table.Column<string>(type: "text", nullable: true),
                    quality = table.Column<string>(type: "text", nullable: true),
                    preferred_sleep_period_start_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    preferred_sleep_period_end_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sleep_gate_start_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sleep_gate_end_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sleep_timezone_offset_minutes = table.Column<int>(type: "integer", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sleepwise_bedtime", x => new { x.user_id, x.period_start_time, x.result_type });
                    table.ForeignKey(
                        name: "fk_sleepwise_bedtime_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "spo2_tests",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    test_time = table.Column<long>(type: "bigint", nullable: false),
                    source_device_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    time_zone_offset_minutes = table.Column<int>(type: "integer", nullable: true),
                    test_status = table.Column<string>(type: "text", nullable: true),
                    blood_oxygen_percent = table.Column<int>(type: "integer", nullable: true),
                    spo2class = table.Column<string>(type: "text", nullable: true),
                    spo2value_deviation_from_baseline = table.Column<string>(type: "text", nullable: true),
                    spo2quality_average_percent = table.Column<double>(type: "double precision", nullable: true),
                    average_heart_rate_bpm = table.Column<int>(type: "integer", nullable: true),
                    heart_rate_variability_ms = table.Column<double>(type: "double precision", nullable: true),
                    spo2hrv_deviation_from_baseline = table.Column<string>(type: "text", nullable: true),
                    altitude_meters = table.Column<double>(type: "double precision", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spo2_tests", x => new { x.user_id, x.test_time, x.source_device_id });
                    table.ForeignKey(
                        name: "fk_spo2_tests_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sync_cursors",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    data_type = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    last_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_success_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    newest_date = table.Column<DateOnly>(type: "date", nullable: true),
                    backfill_completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sync_cursors", x => new { x.user_id, x.data_type });
                    table.ForeignKey(
                        name: "fk_sync_cursors_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sync_jobs",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    data_types = table.Column<string[]>(type: "text[]", nullable: false),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    not_before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lease_owner = table.Column<string>(type: "text", nullable: true),
                    lease_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true),
                    step_results = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sync_jobs", x => new { x.user_id, x.id });
                    table.ForeignKey(
                        name: "fk_sync_jobs_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_user_id",
                schema: "polarflow",
                table: "api_keys",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_body_temperature_user_id_start_time",
                schema: "polarflow",
                table: "body_temperature",
                columns: new[] { "user_id", "start_time" });

            migrationBuilder.CreateIndex(
                name: "ix_exercises_user_id_start_time",
                schema: "polarflow",
                table: "exercises",
                columns: new[] { "user_id", "start_time" });

            migrationBuilder.CreateIndex(
                name: "ix_exercises_user_id_upload_time",
                schema: "polarflow",
                table: "exercises",
                columns: new[] { "user_id", "upload_time" });

            migrationBuilder.CreateIndex(
                name: "ix_skin_contacts_user_id_start_time",
                schema: "polarflow",
                table: "skin_contacts",
                columns: new[] { "user_id", "start_time" });

            migrationBuilder.CreateIndex(
                name: "ix_sync_jobs_queue",
                schema: "polarflow",
                table: "sync_jobs",
                columns: new[] { "priority", "not_before" },
                filter: "status = 'Queued'");

            migrationBuilder.CreateIndex(
                name: "ix_sync_jobs_user_id_queued_at",
                schema: "polarflow",
                table: "sync_jobs",
                columns: new[] { "user_id", "queued_at" });

            migrationBuilder.CreateIndex(
                name: "ux_sync_jobs_one_active_per_user",
                schema: "polarflow",
                table: "sync_jobs",
                column: "user_id",
                unique: true,
                filter: "status IN ('Queued', 'Running')");

            migrationBuilder.CreateIndex(
                name: "ix_users_polar_user_id",
                schema: "polarflow",
                table: "users",
                column: "polar_user_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity_samples",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "api_keys",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "body_temperature",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "cardio_load",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "continuous_heart_rate",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "daily_activity",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "data_protection_keys",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "ecg_tests",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "exercise_routes",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "exercise_samples",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "exercises",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "nightly_recharge",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "physical_info",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "skin_contacts",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "skin_temperature",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "sleep",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "sleepwise_alertness",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "sleepwise_bedtime",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "spo2_tests",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "sync_cursors",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "sync_jobs",
                schema: "polarflow");

            migrationBuilder.DropTable(
                name: "users",
                schema: "polarflow");
        }
    }
}
