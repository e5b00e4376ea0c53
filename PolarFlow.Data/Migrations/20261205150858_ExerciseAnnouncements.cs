using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolarFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExerciseAnnouncements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exercise_announcements",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    exercise_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exercise_announcements", x => new { x.user_id, x.exercise_id });
                    table.ForeignKey(
                        name: "fk_exercise_announcements_users_user_id",
                        column: x => x.user_id,
                        principalSchema: "polarflow",
                        principalTable: "users",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exercise_announcements",
                schema: "polarflow");
        }
    }
}
