using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NearNative.Api.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Figures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "memory_confidence",
                table: "workload_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "memory_lower",
                table: "workload_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "memory_median",
                table: "workload_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "memory_upper",
                table: "workload_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "multimodal",
                table: "workload_results",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "outliers",
                table: "workload_results",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "process_confidence",
                table: "workload_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "process_lower",
                table: "workload_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "process_median",
                table: "workload_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "process_upper",
                table: "workload_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "memory_confidence",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "memory_lower",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "memory_upper",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "memory_value",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "preinit_gain_confidence",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "preinit_gain_lower",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "preinit_gain_upper",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "preinit_gain_value",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "process_confidence",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "process_lower",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "process_upper",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "process_value",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "startup_confidence",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "startup_lower",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "startup_upper",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "category_results",
                columns: table => new
                {
                    submission_id = table.Column<string>(type: "character varying(64)", nullable: false),
                    runtime_slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: true),
                    lower = table.Column<double>(type: "double precision", nullable: true),
                    upper = table.Column<double>(type: "double precision", nullable: true),
                    confidence = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_category_results", x => new { x.submission_id, x.runtime_slug, x.category });
                    table.ForeignKey(
                        name: "fk_category_results_runtime_results_submission_id_runtime_slug",
                        columns: x => new { x.submission_id, x.runtime_slug },
                        principalTable: "runtime_results",
                        principalColumns: new[] { "submission_id", "slug" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_submissions_suite_cpu_key",
                table: "submissions",
                columns: new[] { "suite", "cpu_key" });

            migrationBuilder.CreateIndex(
                name: "ix_category_results_category",
                table: "category_results",
                column: "category");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "category_results");

            migrationBuilder.DropIndex(
                name: "ix_submissions_suite_cpu_key",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "memory_confidence",
                table: "workload_results");

            migrationBuilder.DropColumn(
                name: "memory_lower",
                table: "workload_results");

            migrationBuilder.DropColumn(
                name: "memory_median",
                table: "workload_results");

            migrationBuilder.DropColumn(
                name: "memory_upper",
                table: "workload_results");

            migrationBuilder.DropColumn(
                name: "multimodal",
                table: "workload_results");

            migrationBuilder.DropColumn(
                name: "outliers",
                table: "workload_results");

            migrationBuilder.DropColumn(
                name: "process_confidence",
                table: "workload_results");

            migrationBuilder.DropColumn(
                name: "process_lower",
                table: "workload_results");

            migrationBuilder.DropColumn(
                name: "process_median",
                table: "workload_results");

            migrationBuilder.DropColumn(
                name: "process_upper",
                table: "workload_results");

            migrationBuilder.DropColumn(
                name: "memory_confidence",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "memory_lower",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "memory_upper",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "memory_value",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "preinit_gain_confidence",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "preinit_gain_lower",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "preinit_gain_upper",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "preinit_gain_value",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "process_confidence",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "process_lower",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "process_upper",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "process_value",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "startup_confidence",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "startup_lower",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "startup_upper",
                table: "runtime_results");
        }
    }
}
