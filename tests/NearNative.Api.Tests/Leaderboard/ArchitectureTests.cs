using System.Net;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Leaderboard;
using NearNative.Api.Runtimes;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;

namespace NearNative.Api.Tests.Leaderboard;

/// <summary>Two architectures are never pooled: each has its own cells, rows and badges.</summary>
[Collection(OnPostgres.Name)]
public sealed class ArchitectureTests(PostgresFixture fixture) : ApiTest(fixture)
{
    private const double Tolerance = 1e-9;

    [Fact]
    public async Task AnAarch64SubmissionHasItsOwnCellsRowsAndBadgesAndMovesNoX86Figure()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("x86").WithRatio("wasmtime", 1.2));
        var x86Before = await BadgeAsync("/badges/wasmtime.json");

        var arm = await Client.SubmitCreatedAsync(key, key.Document()
            .OnMachine("arm")
            .WithArchitecture("aarch64")
            .WithCpu("ARM", "Neoverse-N1")
            .WithRatio("wasmtime", 2.4));

        Assert.StartsWith("aarch64/", arm.CpuKey, StringComparison.Ordinal);
        var cells = await Fixture.WithDatabaseAsync(db => db.LeaderboardCells.AsNoTracking()
            .Where(c => c.Metric == LeaderboardMetric.Execution.Id && c.RuntimeSlug == "wasmtime")
            .OrderBy(c => c.CpuKey)
            .Select(c => new { c.CpuKey, c.Figure!.Value })
            .ToListAsync());
        Assert.Equal([("aarch64", 2.4), ("x86_64", 1.2)], cells.Select(c => (c.CpuKey.Split('/')[0], Math.Round(c.Value, 9))));

        // A pooled figure would be the geometric mean of 1.2 and 2.4 (1.70); each architecture keeps its own, and
        // ranks its runtimes among themselves (wasmer is at 2.0 on both).
        var board = await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard");
        Assert.Equal(
            [("x86_64", "wasmtime", 1, 1.2, 1), ("x86_64", "wasmer", 2, 2.0, 1), ("aarch64", "wasmer", 1, 2.0, 1), ("aarch64", "wasmtime", 2, 2.4, 1)],
            board.Rows.Select(r => (r.Architecture, r.Runtime, r.Rank, Math.Round(r.Value, 9), r.CpuKeys)));
        var armOnly = await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?architecture=aarch64");
        Assert.Equal(2.4, armOnly.Rows.Single(r => r.Runtime == "wasmtime").Value, Tolerance);
        Assert.All(armOnly.Rows, r => Assert.Equal("aarch64", r.Architecture));

        var x86After = await BadgeAsync("/badges/wasmtime.json");
        var armBadge = await BadgeAsync("/badges/wasmtime.json?arch=aarch64");
        Assert.Equal(x86Before, x86After);
        Assert.Equal(("wasmtime", "1.20× native"), (x86After.Label, x86After.Message));
        Assert.Equal(("wasmtime on aarch64", "2.40× native"), (armBadge.Label, armBadge.Message));
        Assert.Equal(armBadge, await BadgeAsync("/badges/wasmtime.json?architecture=aarch64"));
        Assert.Equal(x86After, await BadgeAsync("/badges/wasmtime.json?arch=x86_64"));
        var onCpu = await BadgeAsync($"/badges/wasmtime.json?cpu={Uri.EscapeDataString(arm.CpuKey)}");
        Assert.Equal(("wasmtime on Neoverse-N1", "2.40× native"), (onCpu.Label, onCpu.Message));

        var runtime = await Client.GetOkAsync<RuntimeDetailResponse>("/api/v1/runtimes/wasmtime");
        Assert.Equal(
            [("x86_64", 1.2), ("aarch64", 2.4)],
            runtime.Versions.OrderBy(v => LeaderboardQuery.ArchitectureOrder(v.Architecture))
                .Select(v => (v.Architecture, Math.Round(v.Figures[LeaderboardMetric.Execution.Id].Value, 9))));
    }

    [Fact]
    public async Task AnArchitectureWithoutSubmissionsHasANoDataBadge()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document().WithRatio("wasmtime", 1.2));

        using var badge = await Client.GetAsync("/badges/wasmtime.json?arch=aarch64");

        Assert.Equal(HttpStatusCode.NotFound, badge.StatusCode);
    }

    private async Task<(string? Label, string? Message, string? Color)> BadgeAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        return await response.ReadBadgeAsync();
    }
}
