using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NearNative.Api.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ColdStartFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "startup_overhead_ms",
                table: "runtime_results",
                newName: "startup_added_ms");

            migrationBuilder.AddColumn<double>(
                name: "memory_floor_confidence",
                table: "runtime_results",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "memory_floor_lower",
                table: "runtime_results",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "memory_floor_mb",
                table: "runtime_results",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "memory_floor_upper",
                table: "runtime_results",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "native_memory_floor_mb",
                table: "runtime_results",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "startup_added_confidence",
                table: "runtime_results",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "startup_added_lower",
                table: "runtime_results",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "startup_added_upper",
                table: "runtime_results",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "memory_floor_confidence",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "memory_floor_lower",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "memory_floor_mb",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "memory_floor_upper",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "native_memory_floor_mb",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "startup_added_confidence",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "startup_added_lower",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "startup_added_upper",
                table: "runtime_results");

            migrationBuilder.RenameColumn(
                name: "startup_added_ms",
                table: "runtime_results",
                newName: "startup_overhead_ms");
        }
    }
}
