using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NearNative.Api.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    key_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    public_key = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    registered_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.key_id);
                });

            migrationBuilder.CreateTable(
                name: "submissions",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    key_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    suite = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    size = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    agent_version = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    machine_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    cpu_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    cpu_architecture = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    cpu_vendor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    cpu_brand = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    cpu_virtualization = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    noisy = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    quarantine_reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    document = table.Column<byte[]>(type: "BLOB", nullable: false),
                    signature = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_submissions", x => x.id);
                    table.ForeignKey(
                        name: "fk_submissions_api_keys_key_id",
                        column: x => x.key_id,
                        principalTable: "api_keys",
                        principalColumn: "key_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "runtime_results",
                columns: table => new
                {
                    submission_id = table.Column<string>(type: "TEXT", nullable: false),
                    slug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    configuration = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    settings = table.Column<string>(type: "TEXT", nullable: false),
                    execution_value = table.Column<double>(type: "REAL", nullable: true),
                    execution_lower = table.Column<double>(type: "REAL", nullable: true),
                    execution_upper = table.Column<double>(type: "REAL", nullable: true),
                    execution_confidence = table.Column<double>(type: "REAL", nullable: true),
                    startup_ratio = table.Column<double>(type: "REAL", nullable: true),
                    startup_overhead_ms = table.Column<double>(type: "REAL", nullable: true),
                    complete = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_runtime_results", x => new { x.submission_id, x.slug });
                    table.ForeignKey(
                        name: "fk_runtime_results_submissions_submission_id",
                        column: x => x.submission_id,
                        principalTable: "submissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workload_results",
                columns: table => new
                {
                    submission_id = table.Column<string>(type: "TEXT", nullable: false),
                    runtime_slug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    workload = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    pairs = table.Column<int>(type: "INTEGER", nullable: false),
                    median = table.Column<double>(type: "REAL", nullable: true),
                    lower = table.Column<double>(type: "REAL", nullable: true),
                    upper = table.Column<double>(type: "REAL", nullable: true),
                    confidence = table.Column<double>(type: "REAL", nullable: true),
                    wrong_outputs = table.Column<int>(type: "INTEGER", nullable: false),
                    failures = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workload_results", x => new { x.submission_id, x.runtime_slug, x.workload });
                    table.ForeignKey(
                        name: "fk_workload_results_runtime_results_submission_id_runtime_slug",
                        columns: x => new { x.submission_id, x.runtime_slug },
                        principalTable: "runtime_results",
                        principalColumns: new[] { "submission_id", "slug" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_public_key",
                table: "api_keys",
                column: "public_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_runtime_results_slug",
                table: "runtime_results",
                column: "slug");

            migrationBuilder.CreateIndex(
                name: "ix_submissions_key_id",
                table: "submissions",
                column: "key_id");

            migrationBuilder.CreateIndex(
                name: "ix_submissions_suite_size_status",
                table: "submissions",
                columns: new[] { "suite", "size", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workload_results");

            migrationBuilder.DropTable(
                name: "runtime_results");

            migrationBuilder.DropTable(
                name: "submissions");

            migrationBuilder.DropTable(
                name: "api_keys");
        }
    }
}
