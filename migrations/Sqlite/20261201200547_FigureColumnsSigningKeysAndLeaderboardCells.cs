using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NearNative.Api.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FigureColumnsSigningKeysAndLeaderboardCells : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite renames the table in the submissions foreign key itself; constraint names are only text there.
            migrationBuilder.RenameTable(name: "api_keys", newName: "signing_keys");
            migrationBuilder.RenameIndex(name: "ix_api_keys_public_key", table: "signing_keys", newName: "ix_signing_keys_public_key");

            FigureColumnsMigration.Up(migrationBuilder);

            migrationBuilder.CreateTable(
                name: "leaderboard_cells",
                columns: table => new
                {
                    suite = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    metric = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    runtime_slug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    runtime_version = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    cpu_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    runtime_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    configuration = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    newest = table.Column<long>(type: "INTEGER", nullable: false),
                    machine_votes = table.Column<string>(type: "TEXT", nullable: false),
                    machines = table.Column<int>(type: "INTEGER", nullable: false),
                    submissions = table.Column<int>(type: "INTEGER", nullable: false),
                    provisional = table.Column<bool>(type: "INTEGER", nullable: false),
                    secondary = table.Column<double>(type: "REAL", nullable: true),
                    noisy_submissions = table.Column<int>(type: "INTEGER", nullable: false),
                    noisy_machines = table.Column<int>(type: "INTEGER", nullable: false),
                    figure_confidence = table.Column<double>(type: "REAL", nullable: true),
                    figure_lower = table.Column<double>(type: "REAL", nullable: true),
                    figure_upper = table.Column<double>(type: "REAL", nullable: true),
                    figure_value = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leaderboard_cells", x => new { x.suite, x.metric, x.runtime_slug, x.runtime_version, x.size, x.cpu_key });
                });

            migrationBuilder.CreateIndex(
                name: "ix_leaderboard_cells_suite_size_cpu_key_runtime_slug",
                table: "leaderboard_cells",
                columns: new[] { "suite", "size", "cpu_key", "runtime_slug" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "leaderboard_cells");

            FigureColumnsMigration.Down(migrationBuilder);

            // SQLite cannot rename an index that the model going back to does not hold: drop it and create the old one.
            migrationBuilder.DropIndex(name: "ix_signing_keys_public_key", table: "signing_keys");
            migrationBuilder.RenameTable(name: "signing_keys", newName: "api_keys");
            migrationBuilder.CreateIndex(name: "ix_api_keys_public_key", table: "api_keys", column: "public_key", unique: true);
        }
    }
}
