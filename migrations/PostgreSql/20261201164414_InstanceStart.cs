using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NearNative.Api.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InstanceStart : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "native_fork_exec_us",
                table: "submissions",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "native_namespaced_us",
                table: "submissions",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "native_posix_spawn_us",
                table: "submissions",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "instance_density_kb",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "instance_start_confidence",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "instance_start_lower",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "instance_start_p99us",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "instance_start_upper",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "instance_start_us",
                table: "runtime_results",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "instance_starts",
                table: "runtime_results",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "native_fork_exec_us",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "native_namespaced_us",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "native_posix_spawn_us",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "instance_density_kb",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "instance_start_confidence",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "instance_start_lower",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "instance_start_p99us",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "instance_start_upper",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "instance_start_us",
                table: "runtime_results");

            migrationBuilder.DropColumn(
                name: "instance_starts",
                table: "runtime_results");
        }
    }
}
