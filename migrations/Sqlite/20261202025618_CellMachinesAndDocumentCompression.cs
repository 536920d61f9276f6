using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NearNative.Api.Migrations.Sqlite
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

            migrationBuilder.CreateTable(
                name: "leaderboard_cell_machines",
                columns: table => new
                {
                    suite = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    metric = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    runtime_slug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    runtime_version = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    cpu_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    machine_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    values = table.Column<string>(type: "TEXT", nullable: false),
                    lowers = table.Column<string>(type: "TEXT", nullable: false),
                    uppers = table.Column<string>(type: "TEXT", nullable: false),
                    points = table.Column<int>(type: "INTEGER", nullable: false),
                    interval_confidence = table.Column<double>(type: "REAL", nullable: true),
                    secondaries = table.Column<string>(type: "TEXT", nullable: false),
                    vote = table.Column<double>(type: "REAL", nullable: true),
                    secondary_vote = table.Column<double>(type: "REAL", nullable: true),
                    noisy_submissions = table.Column<int>(type: "INTEGER", nullable: false),
                    own_confidence = table.Column<double>(type: "REAL", nullable: true),
                    own_lower = table.Column<double>(type: "REAL", nullable: true),
                    own_upper = table.Column<double>(type: "REAL", nullable: true),
                    own_value = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leaderboard_cell_machines", x => new { x.suite, x.size, x.cpu_key, x.runtime_slug, x.runtime_version, x.metric, x.machine_id });
                });

            migrationBuilder.CreateTable(
                name: "leaderboard_cell_votes",
                columns: table => new
                {
                    suite = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    metric = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    runtime_slug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    runtime_version = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    cpu_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    votes = table.Column<string>(type: "TEXT", nullable: false),
                    secondary_votes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leaderboard_cell_votes", x => new { x.suite, x.size, x.cpu_key, x.runtime_slug, x.runtime_version, x.metric });
                });

            migrationBuilder.CreateIndex(
                name: "ix_leaderboard_cell_machines_suite_size_cpu_key_machine_id_runtime_slug",
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

            migrationBuilder.AddColumn<string>(
                name: "machine_votes",
                table: "leaderboard_cells",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
        }
    }
}
