using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NearNative.Api.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MachineRowsDeriveTheirVotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "own_confidence",
                table: "leaderboard_cell_machines");

            migrationBuilder.DropColumn(
                name: "own_lower",
                table: "leaderboard_cell_machines");

            migrationBuilder.DropColumn(
                name: "own_upper",
                table: "leaderboard_cell_machines");

            migrationBuilder.DropColumn(
                name: "own_value",
                table: "leaderboard_cell_machines");

            migrationBuilder.DropColumn(
                name: "secondary_vote",
                table: "leaderboard_cell_machines");

            migrationBuilder.DropColumn(
                name: "vote",
                table: "leaderboard_cell_machines");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "own_confidence",
                table: "leaderboard_cell_machines",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "own_lower",
                table: "leaderboard_cell_machines",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "own_upper",
                table: "leaderboard_cell_machines",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "own_value",
                table: "leaderboard_cell_machines",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "secondary_vote",
                table: "leaderboard_cell_machines",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "vote",
                table: "leaderboard_cell_machines",
                type: "REAL",
                nullable: true);

            // The code this goes back to reads these columns; emptied, its start-up rebuild fills every machine row again.
            migrationBuilder.Sql("DELETE FROM leaderboard_cell_machines;");
        }
    }
}
