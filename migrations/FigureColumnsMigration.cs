using Microsoft.EntityFrameworkCore.Migrations;

namespace NearNative.Api.Migrations;

/// <summary>
/// The column changes of the FigureColumnsSigningKeysAndLeaderboardCells migration that both providers share: each
/// stored figure became one optional complex property whose four columns are named after it, so the columns that
/// did not follow that pattern are renamed (data kept), and figures stored without an interval get a point interval
/// at zero confidence, which the application reads as "no interval of its own".
/// </summary>
internal static class FigureColumnsMigration
{
    private static readonly (string Table, string Old, string New)[] Renames =
    [
        ("workload_results", "median", "ratio_value"),
        ("workload_results", "lower", "ratio_lower"),
        ("workload_results", "upper", "ratio_upper"),
        ("workload_results", "confidence", "ratio_confidence"),
        ("workload_results", "process_median", "process_value"),
        ("workload_results", "memory_median", "memory_value"),
        ("runtime_results", "startup_ratio", "startup_ratio_value"),
        ("runtime_results", "startup_lower", "startup_ratio_lower"),
        ("runtime_results", "startup_upper", "startup_ratio_upper"),
        ("runtime_results", "startup_confidence", "startup_ratio_confidence"),
        ("runtime_results", "startup_added_ms", "startup_added_ms_value"),
        ("runtime_results", "startup_added_lower", "startup_added_ms_lower"),
        ("runtime_results", "startup_added_upper", "startup_added_ms_upper"),
        ("runtime_results", "startup_added_confidence", "startup_added_ms_confidence"),
        ("runtime_results", "memory_floor_mb", "memory_floor_mb_value"),
        ("runtime_results", "memory_floor_lower", "memory_floor_mb_lower"),
        ("runtime_results", "memory_floor_upper", "memory_floor_mb_upper"),
        ("runtime_results", "memory_floor_confidence", "memory_floor_mb_confidence"),
        ("runtime_results", "instance_start_us", "instance_start_us_value"),
        ("runtime_results", "instance_start_lower", "instance_start_us_lower"),
        ("runtime_results", "instance_start_upper", "instance_start_us_upper"),
        ("runtime_results", "instance_start_confidence", "instance_start_us_confidence"),
        ("category_results", "value", "execution_value"),
        ("category_results", "lower", "execution_lower"),
        ("category_results", "upper", "execution_upper"),
        ("category_results", "confidence", "execution_confidence"),
    ];

    private static readonly (string Table, string Figure)[] Figures =
    [
        ("runtime_results", "execution"),
        ("runtime_results", "process"),
        ("runtime_results", "memory"),
        ("runtime_results", "startup_ratio"),
        ("runtime_results", "startup_added_ms"),
        ("runtime_results", "memory_floor_mb"),
        ("runtime_results", "preinit_gain"),
        ("runtime_results", "instance_start_us"),
        ("workload_results", "ratio"),
        ("workload_results", "process"),
        ("workload_results", "memory"),
        ("category_results", "execution"),
    ];

    public static void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (table, old, @new) in Renames)
        {
            migrationBuilder.RenameColumn(name: old, table: table, newName: @new);
        }

        // An interval column added after the figure (the start-up ratio's) is empty on older rows; the figure is
        // kept as a point. A figure is null exactly when its value is.
        foreach (var (table, figure) in Figures)
        {
            migrationBuilder.Sql(
                $"UPDATE {table} SET {figure}_lower = {figure}_value, {figure}_upper = {figure}_value, {figure}_confidence = 0 " +
                $"WHERE {figure}_value IS NOT NULL AND ({figure}_lower IS NULL OR {figure}_upper IS NULL OR {figure}_confidence IS NULL);");
            migrationBuilder.Sql(
                $"UPDATE {table} SET {figure}_lower = NULL, {figure}_upper = NULL, {figure}_confidence = NULL WHERE {figure}_value IS NULL;");
        }
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var (table, old, @new) in Renames.Reverse())
        {
            migrationBuilder.RenameColumn(name: @new, table: table, newName: old);
        }
    }
}
