using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NearNative.Api.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CellMachinesAndDocumentCompression : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "machine_votes",
                table: "leaderboard_cells");

            migrationBuilder.AlterColumn<byte[]>(
                name: "document",
                table: "submissions",
                type: "bytea",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "bytea")
                .Annotation("Npgsql:Compression:", "lz4");

            migrationBuilder.CreateTable(
                name: "leaderboard_cell_machines",
                columns: table => new
                {
                    suite = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    metric = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    runtime_slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    runtime_version = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cpu_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    machine_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    values = table.Column<List<double>>(type: "double precision[]", nullable: false),
                    lowers = table.Column<List<double>>(type: "double precision[]", nullable: false),
                    uppers = table.Column<List<double>>(type: "double precision[]", nullable: false),
                    points = table.Column<int>(type: "integer", nullable: false),
                    interval_confidence = table.Column<double>(type: "double precision", nullable: true),
                    secondaries = table.Column<List<double>>(type: "double precision[]", nullable: false),
                    vote = table.Column<double>(type: "double precision", nullable: true),
                    secondary_vote = table.Column<double>(type: "double precision", nullable: true),
                    noisy_submissions = table.Column<int>(type: "integer", nullable: false),
                    own_confidence = table.Column<double>(type: "double precision", nullable: true),
                    own_lower = table.Column<double>(type: "double precision", nullable: true),
                    own_upper = table.Column<double>(type: "double precision", nullable: true),
                    own_value = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leaderboard_cell_machines", x => new { x.suite, x.size, x.cpu_key, x.runtime_slug, x.runtime_version, x.metric, x.machine_id });
                });

            migrationBuilder.CreateTable(
                name: "leaderboard_cell_votes",
                columns: table => new
                {
                    suite = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    metric = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    runtime_slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    runtime_version = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cpu_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    votes = table.Column<List<double>>(type: "double precision[]", nullable: false),
                    secondary_votes = table.Column<List<double>>(type: "double precision[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leaderboard_cell_votes", x => new { x.suite, x.size, x.cpu_key, x.runtime_slug, x.runtime_version, x.metric });
                });

            migrationBuilder.CreateIndex(
                name: "ix_leaderboard_cell_machines_suite_size_cpu_key_machine_id_run",
                table: "leaderboard_cell_machines",
                columns: new[] { "suite", "size", "cpu_key", "machine_id", "runtime_slug" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leaderboard_cell_machines");

            migrationBuilder.DropTable(
                name: "leaderboard_cell_votes");

            migrationBuilder.AlterColumn<byte[]>(
                name: "document",
                table: "submissions",
                type: "bytea",
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "bytea")
                .OldAnnotation("Npgsql:Compression:", "lz4");

            migrationBuilder.AddColumn<List<double>>(
                name: "machine_votes",
                table: "leaderboard_cells",
                type: "double precision[]",
                nullable: false,
                defaultValue: new List<double>());
        }
    }
}
