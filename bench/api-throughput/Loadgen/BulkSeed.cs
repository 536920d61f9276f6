using System.Diagnostics;
using Npgsql;

namespace NearNative.Bench.ApiThroughput;

/// <summary>
/// The bulk equivalent of ingest, to reach tens of thousands of stored submissions quickly: copies the accepted
/// submissions the real ingest stored, with every row of their figures, under new ids, nonces and receipt times.
/// Every five copies of a source share one new machine (a machine submits about five times), which keeps its CPU.
/// Copies keep their source's signed document bytes, which no read path looks at. The cells are then dropped, so the
/// API rebuilds them all from the stored rows when it next starts (the same code that maintains them).
/// </summary>
public static class BulkSeed
{
    private const int Chunk = 10_000;

    public static async Task<int> RunAsync(Options options)
    {
        var target = options.GetInt("target");
        await using var source = NpgsqlDataSource.Create(options.Get("connection"));
        await using var connection = await source.OpenConnectionAsync();
        var stored = Convert.ToInt32(await Scalar(connection, "SELECT count(*) FROM submissions"));
        var sources = Convert.ToInt32(await Scalar(connection, "SELECT count(*) FROM submissions WHERE status = 'accepted' AND machine_id NOT LIKE 'bulk%'"));
        if (stored >= target)
        {
            Console.WriteLine($"bulk: {stored} submissions stored, nothing to add");
            return 0;
        }

        await Execute(connection, """
            CREATE TEMP TABLE sources AS
            SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM submissions
            WHERE status = 'accepted' AND machine_id NOT LIKE 'bulk%'
            """);
        var clock = Stopwatch.StartNew();
        for (var first = stored; first < target; first += Chunk)
        {
            var last = Math.Min(first + Chunk, target) - 1;
            await using var transaction = await connection.BeginTransactionAsync();
            await Execute(connection, $"""
                CREATE TEMP TABLE copies ON COMMIT DROP AS
                SELECT s.id AS source_id, g,
                       encode(sha256(convert_to(s.id || ':' || g, 'UTF8')), 'hex') AS new_id,
                       'bulk' || left(encode(sha256(convert_to(s.id || ':' || (g / {sources} / 5), 'UTF8')), 'hex'), 60) AS machine_id
                FROM generate_series({first}, {last}) AS g JOIN sources s ON s.n = g % {sources}
                """);
            foreach (var (table, submissionColumn) in StoredRows.Tables)
            {
                var columns = await StoredRows.ColumnsAsync(connection, table);
                var values = columns.Select(column => (table, column) switch
                {
                    (_, var c) when c == submissionColumn => "c.new_id",
                    ("submissions", "nonce") => "left(c.new_id, 32)",
                    ("submissions", "machine_id") => "c.machine_id",
                    ("submissions", "received_at" or "created_at") => $"t.{column} - make_interval(secs => c.g)",
                    _ => $"t.{column}",
                });
                await Execute(connection, $"""
                    INSERT INTO {table} ({string.Join(", ", columns)})
                    SELECT {string.Join(", ", values)} FROM copies c JOIN {table} t ON t.{submissionColumn} = c.source_id
                    """);
            }

            await transaction.CommitAsync();
            Console.WriteLine($"bulk: {last + 1} submissions stored ({clock.Elapsed.TotalSeconds:F0} s)");
        }

        // With no machine rows the API rebuilds every cell from the submissions at start-up.
        await Execute(connection, "DELETE FROM leaderboard_cells");
        await Execute(connection, "DELETE FROM leaderboard_cell_votes");
        await Execute(connection, "DELETE FROM leaderboard_cell_machines");
        await Execute(connection, "ANALYZE");
        return 0;
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
