using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NearNative.Api.Data;
using NearNative.Api.Leaderboard;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;

namespace NearNative.Api.Tests.Leaderboard;

/// <summary>
/// Accepting a submission updates only its machine's rows and the cells they fall in, and leaves exactly what a full
/// recompute from every stored submission would write.
/// </summary>
public abstract partial class CellUpdateTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string AmdBrand = "AMD Ryzen 9 5950X 16-Core Processor";

    [Fact]
    public async Task EachAcceptLeavesTheCellsAndMachineRowsAFullRecomputeWrites()
    {
        // Repeat submissions, noisy machines (one with a quiet run too), a second runtime on some runs, a second CPU
        // key and a cell that starts noisy and turns quiet: every path of the update.
        var key = await Client.RegisterNewKeyAsync();
        var runs = new[]
        {
            key.Document().OnMachine("d").WithRatio("wasmtime", 2.5).Noisy(),
            key.Document().OnMachine("a").WithRatio("wasmtime", 1.2).WithStartupRatio("wasmtime", 30),
            key.Document().OnMachine("a").WithRatio("wasmtime", 1.4).WithRuntime("wamr", "WAMR", 3.1, version: "2.2.0"),
            key.Document().OnMachine("b").WithRatio("wasmtime", 1.3).WithStartupRatio("wasmtime", 25),
            key.Document().OnMachine("c").WithRatio("wasmtime", 1.9).Noisy(),
            key.Document().OnMachine("c").WithRatio("wasmtime", 1.25).WithRuntime("wamr", "WAMR", 2.9, version: "2.2.0"),
            key.Document().OnMachine("a").WithRatio("wasmtime", 1.1),
            key.Document().OnMachine("b").WithRatio("wasmtime", 1.35).WithMemoryRatio("wasmtime", 1.6),
            key.Document().OnMachine("e").WithCpu("AuthenticAMD", AmdBrand).WithRatio("wasmtime", 1.05),
            key.Document().OnMachine("e").WithCpu("AuthenticAMD", AmdBrand).WithRatio("wasmtime", 1.15).Noisy(),
        };
        foreach (var run in runs)
        {
            await Client.SubmitCreatedAsync(key, run);
        }

        var maintained = await SnapshotAsync();
        await RecomputeEveryGroupAsync();
        var recomputed = await SnapshotAsync();

        Assert.True(maintained.Cells.Count > 100, $"{maintained.Cells.Count} cells and their votes");
        Assert.True(maintained.Machines.Count > maintained.Cells.Count, $"{maintained.Machines.Count} machine rows");
        Assert.Equal(recomputed.Cells, maintained.Cells);
        Assert.Equal(recomputed.Machines, maintained.Machines);
    }

    [Fact]
    public async Task AnAcceptReadsItsMachinesRowsAndNeverTheStoredResults()
    {
        var key = await Client.RegisterNewKeyAsync();
        for (var i = 0; i < 4; i++)
        {
            await Client.SubmitCreatedAsync(key, key.Document().OnMachine($"m{i}").WithRatio("wasmtime", 1.2 + (0.1 * i)));
        }

        using var log = new SqlCommandLog<NearNativeDbContext>(await Fixture.WithDatabaseAsync(db => Task.FromResult(db.Database.GetDbConnection().Database)));
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("m1").WithRatio("wasmtime", 1.5));

        Assert.Contains(log.Commands, sql => sql.Contains("leaderboard_cell_machines", StringComparison.Ordinal));
        Assert.Contains(log.Commands, sql => sql.Contains("leaderboard_cell_votes", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Commands, sql => ReadsResults().IsMatch(sql));
        var cell = await Fixture.WithDatabaseAsync(db => db.LeaderboardCells.AsNoTracking()
            .SingleAsync(c => c.Metric == LeaderboardMetric.Execution.Id && c.RuntimeSlug == "wasmtime"));
        var votes = await Fixture.WithDatabaseAsync(db => db.LeaderboardCellVotes.AsNoTracking()
            .SingleAsync(v => v.Metric == LeaderboardMetric.Execution.Id && v.RuntimeSlug == "wasmtime"));

        // m1 votes the median of 1.3 and 1.5; the cell is the median of 1.2, 1.4, 1.4 and 1.5.
        Assert.Equal((4, 5), (cell.Machines, cell.Submissions));
        Assert.Equal([1.2, 1.4, 1.4, 1.5], votes.Votes.Select(v => Math.Round(v, 9)));
        Assert.Equal(1.4, cell.Figure!.Value, 1e-9);
    }

    private async Task RecomputeEveryGroupAsync()
    {
        var groups = await Fixture.WithDatabaseAsync(db => db.LeaderboardCells.AsNoTracking()
            .Select(c => new { c.Suite, c.Size, c.CpuKey, c.RuntimeSlug })
            .Distinct()
            .ToListAsync());
        await Fixture.WithServicesAsync(async services =>
        {
            foreach (var group in groups.GroupBy(g => new CellGroup(g.Suite, g.Size, g.CpuKey)))
            {
                await services.GetRequiredService<CellMaintenance>().RewriteAsync(group.Key, [.. group.Select(g => g.RuntimeSlug)], default);
            }
        });
    }

    /// <summary>Every cell (with its votes) and machine row, each as its JSON, in key order.</summary>
    private Task<(List<string> Cells, List<string> Machines)> SnapshotAsync() => Fixture.WithDatabaseAsync(async db =>
    {
        var cells = await db.LeaderboardCells.AsNoTracking().ToListAsync();
        var votes = await db.LeaderboardCellVotes.AsNoTracking().ToListAsync();
        var machines = await db.LeaderboardCellMachines.AsNoTracking().ToListAsync();
        List<string> cellRows = [.. cells.Select(c => JsonSerializer.Serialize(c)).Concat(votes.Select(v => JsonSerializer.Serialize(v))).Order(StringComparer.Ordinal)];
        List<string> machineRows = [.. machines.Select(m => JsonSerializer.Serialize(m)).Order(StringComparer.Ordinal)];
        return (cellRows, machineRows);
    });

    [GeneratedRegex(@"\b(FROM|JOIN)\s+""?(runtime_results|workload_results|category_results)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReadsResults();
}

[Collection(OnPostgres.Name)]
public sealed class PostgresCellUpdateTests(PostgresFixture fixture) : CellUpdateTests(fixture);

[Collection(OnSqlite.Name)]
public sealed class SqliteCellUpdateTests(SqliteFixture fixture) : CellUpdateTests(fixture);
