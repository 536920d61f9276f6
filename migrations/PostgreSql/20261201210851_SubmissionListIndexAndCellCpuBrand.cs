using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NearNative.Api.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SubmissionListIndexAndCellCpuBrand : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Cells now hold per-workload metrics and their CPU's brand: emptied here, they are rebuilt from the
            // accepted submissions when the application starts (CellMaintenance.BackfillAsync).
            migrationBuilder.Sql("DELETE FROM leaderboard_cells;");

            migrationBuilder.AddColumn<string>(
                name: "cpu_brand",
                table: "leaderboard_cells",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_submissions_received_at_id",
                table: "submissions",
                columns: new[] { "received_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_submissions_received_at_id",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "cpu_brand",
                table: "leaderboard_cells");
        }
    }
}
