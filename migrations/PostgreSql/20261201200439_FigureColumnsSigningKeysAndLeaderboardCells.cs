using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NearNative.Api.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class FigureColumnsSigningKeysAndLeaderboardCells : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(name: "api_keys", newName: "signing_keys");
            migrationBuilder.Sql("ALTER TABLE signing_keys RENAME CONSTRAINT pk_api_keys TO pk_signing_keys;");
            migrationBuilder.Sql("ALTER TABLE submissions RENAME CONSTRAINT fk_submissions_api_keys_key_id TO fk_submissions_signing_keys_key_id;");
            migrationBuilder.RenameIndex(name: "ix_api_keys_public_key", table: "signing_keys", newName: "ix_signing_keys_public_key");

            FigureColumnsMigration.Up(migrationBuilder);

            migrationBuilder.CreateTable(
                name: "leaderboard_cells",
                columns: table => new
                {
                    suite = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    metric = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    runtime_slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    runtime_version = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cpu_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    runtime_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    configuration = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    newest = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    machine_votes = table.Column<List<double>>(type: "double precision[]", nullable: false),
                    machines = table.Column<int>(type: "integer", nullable: false),
                    submissions = table.Column<int>(type: "integer", nullable: false),
                    provisional = table.Column<bool>(type: "boolean", nullable: false),
                    secondary = table.Column<double>(type: "double precision", nullable: true),
                    noisy_submissions = table.Column<int>(type: "integer", nullable: false),
                    noisy_machines = table.Column<int>(type: "integer", nullable: false),
                    figure_confidence = table.Column<double>(type: "double precision", nullable: true),
                    figure_lower = table.Column<double>(type: "double precision", nullable: true),
                    figure_upper = table.Column<double>(type: "double precision", nullable: true),
                    figure_value = table.Column<double>(type: "double precision", nullable: true)
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

            migrationBuilder.RenameIndex(name: "ix_signing_keys_public_key", table: "signing_keys", newName: "ix_api_keys_public_key");
            migrationBuilder.Sql("ALTER TABLE submissions RENAME CONSTRAINT fk_submissions_signing_keys_key_id TO fk_submissions_api_keys_key_id;");
            migrationBuilder.Sql("ALTER TABLE signing_keys RENAME CONSTRAINT pk_signing_keys TO pk_api_keys;");
            migrationBuilder.RenameTable(name: "signing_keys", newName: "api_keys");
        }
    }
}
