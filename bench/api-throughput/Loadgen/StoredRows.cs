using Npgsql;

namespace NearNative.Bench.ApiThroughput;

/// <summary>The tables one submission's rows are stored in, parents first, and the column that names the submission in each.</summary>
public static class StoredRows
{
    public static readonly IReadOnlyList<(string Table, string SubmissionColumn)> Tables =
    [
        ("submissions", "id"),
        ("runtime_results", "submission_id"),
        ("category_results", "submission_id"),
        ("workload_results", "submission_id"),
    ];

    public static async Task<List<string>> ColumnsAsync(NpgsqlConnection connection, string table)
    {
        await using var command = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
            connection);
        command.Parameters.AddWithValue(table);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    /// <summary>Every row the command reads, each as its column values in order.</summary>
    public static async Task<List<object[]>> ReadAsync(NpgsqlCommand command)
    {
        var rows = new List<object[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(values);
        }

        return rows;
    }
}
