using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using NearNative.Soak.Cluster;
using NearNative.Soak.Load;
using Npgsql;

namespace NearNative.Soak.Verification;

/// <summary>
/// After the load: compares what the database holds with what the clients were told, and the maintained leaderboard
/// cells with the API's own full recompute from the stored rows.
/// </summary>
public static class Verifier
{
    public static async Task<Verdict> VerifyAsync(string connectionString, Ledger ledger, HttpClient admin)
    {
        var stored = await StoredAsync(connectionString);
        var sent = ledger.Sent.Values.ToList();
        var acknowledged = sent.Where(s => s.Acknowledged != 0).ToList();
        var lost = acknowledged.Where(s => !stored.ContainsKey(s.Id)).Select(s => s.Id).ToList();
        var duplicated = stored.Values.GroupBy(s => (s.KeyId, s.Nonce)).Count(g => g.Count() > 1);
        var corrupt = stored.Values.Where(s => s.Hash != s.Id).Select(s => s.Id).ToList();
        var partial = stored.Values
            .Where(s => ledger.Sent.TryGetValue(s.Id, out var mine) && (s.Runtimes != mine.Runtimes || s.Workloads == 0))
            .Select(s => s.Id)
            .ToList();
        var unknown = stored.Keys.Where(id => !ledger.Sent.ContainsKey(id)).ToList();
        var storedUnacknowledged = sent.Count(s => s.Acknowledged == 0 && stored.ContainsKey(s.Id));

        var before = await CellsAsync(connectionString);
        var recomputed = await RecomputeEveryCellAsync(connectionString, admin);
        var after = await CellsAsync(connectionString);
        var drifted = before.Except(after).Count() + after.Except(before).Count();

        return new Verdict(
            Sent: sent.Count,
            Acknowledged: acknowledged.Count,
            Stored: stored.Count,
            Lost: lost,
            Duplicated: duplicated,
            Corrupt: corrupt,
            Partial: partial,
            Unknown: unknown,
            StoredUnacknowledged: storedUnacknowledged,
            Cells: before.Count,
            CellGroupsRecomputed: recomputed,
            CellsDrifted: drifted);
    }

    private static async Task<Dictionary<string, StoredSubmission>> StoredAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT s.id, s.key_id, s.nonce, s.document,
                   (SELECT count(*) FROM runtime_results r WHERE r.submission_id = s.id),
                   (SELECT count(*) FROM workload_results w WHERE w.submission_id = s.id)
            FROM submissions s
            """,
            connection);
        var stored = new Dictionary<string, StoredSubmission>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetString(0);
            stored[id] = new StoredSubmission(
                id, reader.GetString(1), reader.GetString(2), Convert.ToHexStringLower(SHA256.HashData(reader.GetFieldValue<byte[]>(3))),
                (int)reader.GetInt64(4), (int)reader.GetInt64(5));
        }

        return stored;
    }

    /// <summary>
    /// Every cell, its votes and every machine row behind it, each as one line of text (every column), so two snapshots
    /// compare exactly: ingest updates both, and both must be what a full recompute writes.
    /// </summary>
    private static async Task<HashSet<string>> CellsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT 'cell ' || c::text FROM leaderboard_cells c UNION ALL SELECT 'votes ' || v::text FROM leaderboard_cell_votes v " +
            "UNION ALL SELECT 'machine ' || m::text FROM leaderboard_cell_machines m", connection);
        var cells = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            cells.Add(reader.GetString(0));
        }

        return cells;
    }

    /// <summary>
    /// Asks the API to recompute, from the stored submissions, every runtime's cells on every CPU key that has a
    /// submission or a cell; returns how many (suite, size, CPU key, runtime) groups it recomputed.
    /// </summary>
    private static async Task<int> RecomputeEveryCellAsync(string connectionString, HttpClient admin)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT s.suite, s.size, s.cpu_key, r.slug FROM submissions s JOIN runtime_results r ON r.submission_id = s.id
            UNION
            SELECT suite, size, cpu_key, runtime_slug FROM leaderboard_cells WHERE runtime_slug <> 'native'
            """,
            connection);
        var groups = new List<(string Suite, string Size, string CpuKey, string Runtime)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                groups.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        foreach (var group in groups)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/admin/cells/recompute", UriKind.Relative))
            {
                Content = JsonContent.Create(new { suite = group.Suite, size = group.Size, cpuKey = group.CpuKey, runtime = group.Runtime }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiInstance.AdminToken);
            using var response = await admin.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(
                    $"Recomputing {group} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        return groups.Count;
    }

    private sealed record StoredSubmission(string Id, string KeyId, string Nonce, string Hash, int Runtimes, int Workloads);
}

/// <param name="Lost">Acknowledged submissions the database does not hold: must be none.</param>
/// <param name="Duplicated">Runs (key and nonce) stored more than once: must be none.</param>
/// <param name="Corrupt">Stored submissions whose id is not the SHA-256 of their stored bytes.</param>
/// <param name="Partial">Stored submissions without all the rows their document gives.</param>
/// <param name="Unknown">Stored submissions no client sent.</param>
/// <param name="StoredUnacknowledged">Sent, stored, never acknowledged (the answer was lost and the client gave up): allowed, reported.</param>
/// <param name="Cells">Cells and the machine rows behind them, as maintained.</param>
/// <param name="CellsDrifted">Cells and machine rows that differ between the maintained tables and the full recompute, counted both ways.</param>
public sealed record Verdict(
    int Sent,
    int Acknowledged,
    int Stored,
    IReadOnlyList<string> Lost,
    int Duplicated,
    IReadOnlyList<string> Corrupt,
    IReadOnlyList<string> Partial,
    IReadOnlyList<string> Unknown,
    int StoredUnacknowledged,
    int Cells,
    int CellGroupsRecomputed,
    int CellsDrifted)
{
    public IEnumerable<string> Failures()
    {
        if (Lost.Count > 0)
        {
            yield return $"{Lost.Count} acknowledged submissions lost, e.g. {Lost[0]}";
        }

        if (Duplicated > 0)
        {
            yield return $"{Duplicated} runs stored more than once";
        }

        if (Corrupt.Count > 0)
        {
            yield return $"{Corrupt.Count} stored documents do not hash to their id, e.g. {Corrupt[0]}";
        }

        if (Partial.Count > 0)
        {
            yield return $"{Partial.Count} submissions stored without all their rows, e.g. {Partial[0]}";
        }

        if (Unknown.Count > 0)
        {
            yield return $"{Unknown.Count} stored submissions that no client sent, e.g. {Unknown[0]}";
        }

        if (CellsDrifted > 0)
        {
            yield return $"{CellsDrifted} leaderboard cells or machine rows differ from a full recompute";
        }
    }
}
