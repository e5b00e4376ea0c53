using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolarFlow.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportChunks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "storage_path",
                schema: "polarflow",
                table: "imports");

            migrationBuilder.CreateTable(
                name: "import_chunks",
                schema: "polarflow",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    import_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_chunks", x => new { x.user_id, x.import_id, x.seq });
                    table.ForeignKey(
                        name: "fk_import_chunks_imports_user_id_import_id",
                        columns: x => new { x.user_id, x.import_id },
                        principalSchema: "polarflow",
                        principalTable: "imports",
                        principalColumns: new[] { "user_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            // A ZIP is compressed already: stored out of line without PostgreSQL trying to compress it again.
            migrationBuilder.Sql("ALTER TABLE polarflow.import_chunks ALTER COLUMN data SET STORAGE EXTERNAL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "import_chunks",
                schema: "polarflow");

            migrationBuilder.AddColumn<string>(
                name: "storage_path",
                schema: "polarflow",
                table: "imports",
                type: "text",
                nullable: false,
                defaultValue: "");
        }
    }
}
