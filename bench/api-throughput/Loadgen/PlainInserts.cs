using System.Diagnostics;
using Npgsql;

namespace NearNative.Bench.ApiThroughput;

/// <summary>
/// The baseline for ingest: the rows the API stored for the given submissions, inserted again into an empty copy of
/// the schema by plain Npgsql, one transaction per submission with one parameterised INSERT per row (sent as one
/// batch), from as many concurrent connections as the ingest had clients. Only the inserting is timed. With
/// <c>--cells true</c> each transaction also rewrites the submission's leaderboard cells and its machine's rows in
/// them as ingest does (deletes them and inserts them again, as they are stored now), so both write the same rows.
/// </summary>
public static class PlainInserts
{
    public static async Task<int> RunAsync(Options options)
    {
        var ids = await File.ReadAllLinesAsync(options.Get("ids"));
        var concurrency = options.GetInt("concurrency", 4);
        await using var source = NpgsqlDataSource.Create(options.Get("from"));
        await using var target = NpgsqlDataSource.Create(options.Get("to"));

        await CopyKeysAsync(source, target);
        var perSubmission = await LoadAsync(source, ids);
        if (options.Find("cells") == "true")
        {
            await AddCellsAsync(source, perSubmission);
        }

        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < ids.Length)
            {
                await using var connection = await target.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var (sql, values) in perSubmission[ids[i]])
                {
                    var command = new NpgsqlBatchCommand(sql);
                    foreach (var value in values)
                    {
                        command.Parameters.Add(new NpgsqlParameter { Value = value });
                    }

                    batch.BatchCommands.Add(command);
                }

                await batch.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var rows = perSubmission.Values.Sum(r => r.Count);
        Console.WriteLine($"plain: {ids.Length} submissions ({rows} rows) in {seconds:F2} s with {concurrency} connections = {ids.Length / seconds:F1}/s");
        return 0;
    }

    private static async Task CopyKeysAsync(NpgsqlDataSource source, NpgsqlDataSource target)
    {
        await using var from = await source.OpenConnectionAsync();
        await using var to = await target.OpenConnectionAsync();
        var columns = await StoredRows.ColumnsAsync(from, "signing_keys");
        await using var read = new NpgsqlCommand($"SELECT {Columns(columns)} FROM signing_keys", from);
        foreach (var values in await StoredRows.ReadAsync(read))
        {
            await using var insert = new NpgsqlCommand(InsertSql("signing_keys", columns) + " ON CONFLICT DO NOTHING", to);
            foreach (var value in values)
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await insert.ExecuteNonQueryAsync();
        }
    }

    private static async Task<Dictionary<string, List<(string Sql, object[] Values)>>> LoadAsync(NpgsqlDataSource source, string[] ids)
    {
        var perSubmission = ids.ToDictionary(id => id, _ => new List<(string, object[])>(), StringComparer.Ordinal);
        await using var connection = await source.OpenConnectionAsync();
        foreach (var (table, submissionColumn) in StoredRows.Tables)
        {
            var columns = await StoredRows.ColumnsAsync(connection, table);
            var insert = InsertSql(table, columns);
            var owner = columns.IndexOf(submissionColumn);
            await using var command = new NpgsqlCommand(
                $"SELECT {Columns(columns)} FROM {table} WHERE {submissionColumn} = ANY($1)", connection);
            command.Parameters.AddWithValue(ids);
            foreach (var values in await StoredRows.ReadAsync(command))
            {
                perSubmission[(string)values[owner]].Add((insert, values));
            }
        }

        return perSubmission;
    }

    /// <summary>
    /// Appends to each submission's statements what ingest writes for its cells: the deletion and insertion of its
    /// group's cells of its runtimes and native, of their votes and of its machine's rows in those cells (as they are
    /// stored now).
    /// </summary>
    private static async Task AddCellsAsync(NpgsqlDataSource source, Dictionary<string, List<(string Sql, object[] Values)>> perSubmission)
    {
        await using var connection = await source.OpenConnectionAsync();
        var cellColumns = await StoredRows.ColumnsAsync(connection, "leaderboard_cells");
        var voteColumns = await StoredRows.ColumnsAsync(connection, "leaderboard_cell_votes");
        var machineColumns = await StoredRows.ColumnsAsync(connection, "leaderboard_cell_machines");
        const string Group = "suite = $1 AND size = $2 AND cpu_key = $3 AND runtime_slug = ANY($4)";
        foreach (var (id, statements) in perSubmission)
        {
            const string OfSubmission = "JOIN submissions s ON s.id = $1 WHERE c.suite = s.suite AND c.size = s.size AND c.cpu_key = s.cpu_key " +
                "AND (c.runtime_slug = 'native' OR c.runtime_slug IN (SELECT slug FROM runtime_results WHERE submission_id = $1))";
            var cells = await ReadAsync(connection, $"SELECT {Columns(cellColumns, "c.")} FROM leaderboard_cells c {OfSubmission}", id);
            var votes = await ReadAsync(connection, $"SELECT {Columns(voteColumns, "c.")} FROM leaderboard_cell_votes c {OfSubmission}", id);
            var machines = await ReadAsync(
                connection, $"SELECT {Columns(machineColumns, "c.")} FROM leaderboard_cell_machines c {OfSubmission} AND c.machine_id = s.machine_id", id);
            if (cells.Count == 0)
            {
                continue;
            }

            var first = cells[0];
            object[] group = [first[cellColumns.IndexOf("suite")], first[cellColumns.IndexOf("size")], first[cellColumns.IndexOf("cpu_key")],
                cells.Select(c => (string)c[cellColumns.IndexOf("runtime_slug")]).Distinct().ToArray()];
            // Concurrent rewrites of one group's cells take turns, under the lock the API takes first.
            statements.Insert(0, ("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [$"cells/{group[0]}/{group[1]}/{group[2]}"]));
            statements.Add(($"DELETE FROM leaderboard_cells WHERE {Group}", group));
            statements.AddRange(cells.Select(values => (InsertSql("leaderboard_cells", cellColumns), values)));
            statements.Add(($"DELETE FROM leaderboard_cell_votes WHERE {Group}", group));
            statements.AddRange(votes.Select(values => (InsertSql("leaderboard_cell_votes", voteColumns), values)));
            if (machines.Count > 0)
            {
                statements.Add(($"DELETE FROM leaderboard_cell_machines WHERE {Group} AND machine_id = $5",
                    [.. group, machines[0][machineColumns.IndexOf("machine_id")]]));
                statements.AddRange(machines.Select(values => (InsertSql("leaderboard_cell_machines", machineColumns), values)));
            }
        }
    }

    private static async Task<List<object[]>> ReadAsync(NpgsqlConnection connection, string sql, string id)
    {
        await using var read = new NpgsqlCommand(sql, connection);
        read.Parameters.AddWithValue(id);
        return await StoredRows.ReadAsync(read);
    }

    private static string Columns(IEnumerable<string> columns, string prefix = "") => string.Join(", ", columns.Select(c => $"{prefix}\"{c}\""));

    private static string InsertSql(string table, IReadOnlyList<string> columns) =>
        $"INSERT INTO {table} ({Columns(columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"${i + 1}"))})";
}
