using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NearNative.Api.Administration;
using NearNative.Api.Data;
using NearNative.Api.Leaderboard;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Signing;
using NearNative.Domain.Statistics;

namespace NearNative.Api.Tests.Leaderboard;

/// <summary>Cells are maintained when submissions change, and the reads use nothing else.</summary>
[Collection(OnPostgres.Name)]
public sealed partial class LeaderboardCellTests(PostgresFixture fixture) : ApiTest(fixture)
{
    private const string Token = PostgresFixture.AdminToken;
    private const double Tolerance = 1e-9;

    [Fact]
    public async Task CellsFollowEveryAcceptQuarantineAndRelease()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("a").WithRatio("wasmtime", 1.2));
        Assert.Equal((1, 1.2), await ExecutionCellAsync());

        var second = await Client.SubmitCreatedAsync(key, key.Document().OnMachine("b").WithRatio("wasmtime", 1.8));
        Assert.Equal((2, 1.5), await ExecutionCellAsync());

        using (var quarantine = await Client.QuarantineAsync(second.Id, "bad cooling", Token))
        {
            var status = await quarantine.Content.ReadFromJsonAsync<SubmissionStatusResponse>();
            Assert.Equal(HttpStatusCode.OK, quarantine.StatusCode);
            Assert.Equal(("quarantined", "Quarantined by an administrator: bad cooling"), (status!.Status, status.QuarantineReason));
        }

        Assert.Equal((1, 1.2), await ExecutionCellAsync());
        var shown = await Client.GetOkAsync<NearNative.Api.Submissions.SubmissionResponse>($"/api/v1/submissions/{second.Id}");
        Assert.Equal(("quarantined", "Quarantined by an administrator: bad cooling"), (shown.Status, shown.QuarantineReason));
        Assert.Equal(1.2, (await WasmtimeRowAsync()).Value, Tolerance);

        using (var release = await Client.ReleaseAsync(second.Id, Token))
        {
            Assert.Equal(HttpStatusCode.OK, release.StatusCode);
        }

        Assert.Equal((2, 1.5), await ExecutionCellAsync());
        Assert.Equal(1.5, (await WasmtimeRowAsync()).Value, Tolerance);
    }

    [Fact]
    public async Task ConcurrentSubmissionsToOneCellAreAllCounted()
    {
        // Each transaction recomputes the cell from what it can see; the group's lock makes the last one see all.
        var key = await Client.RegisterNewKeyAsync();
        var documents = Enumerable.Range(0, 8).Select(i => key.Document().OnMachine($"m{i}").WithRatio("wasmtime", 1.2 + (0.1 * i)).Build()).ToList();

        var responses = await Task.WhenAll(documents.Select(d => Client.SubmitAsync(key, d)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal((8, 1.55), await ExecutionCellAsync());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task ADatabaseWithSubmissionsButNoCellsIsBackfilled()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("a").WithRatio("wasmtime", 1.2));
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("b").WithRatio("wasmtime", 1.8));
        var maintained = await Fixture.WithDatabaseAsync(db => db.LeaderboardCells.AsNoTracking().OrderBy(c => c.Metric).ThenBy(c => c.RuntimeSlug).ToListAsync());
        await Fixture.WithDatabaseAsync(db => db.LeaderboardCells.ExecuteDeleteAsync());
        await Fixture.WithDatabaseAsync(db => db.LeaderboardCellMachines.ExecuteDeleteAsync());
        await Fixture.WithDatabaseAsync(db => db.LeaderboardCellVotes.ExecuteDeleteAsync());

        await Fixture.WithServicesAsync(services => services.GetRequiredService<CellMaintenance>().BackfillAsync(default));

        var backfilled = await Fixture.WithDatabaseAsync(db => db.LeaderboardCells.AsNoTracking().OrderBy(c => c.Metric).ThenBy(c => c.RuntimeSlug).ToListAsync());
        Assert.NotEmpty(maintained);
        Assert.Equal(
            maintained.Select(c => (c.Metric, c.RuntimeSlug, c.Machines, c.Figure)),
            backfilled.Select(c => (c.Metric, c.RuntimeSlug, c.Machines, c.Figure)));
    }

    [Fact]
    public async Task LeaderboardAndBadgeReadsIssueNoQueryOverSubmissions()
    {
        var key = await Client.RegisterNewKeyAsync();
        var cpu = (await Client.SubmitCreatedAsync(key, key.Document().OnMachine("a"))).CpuKey;
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("b").WithCpu("AuthenticAMD", "AMD Ryzen 9 5950X 16-Core Processor"));
        using var log = new SqlCommandLog<PostgresDbContext>(await Fixture.WithDatabaseAsync(db => Task.FromResult(db.Database.GetDbConnection().Database)));

        await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard");
        await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?metric=instance-start&architecture=x86_64&virtualisation=none");
        await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?category=compute&runtime=wasmtime&version=30.0.0");
        var fib = await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?workload=fib&metric=process");
        Assert.NotEmpty(fib.Rows);
        foreach (var url in new[] { "/badges/wasmtime.svg", $"/badges/wasmtime.svg?cpu={Uri.EscapeDataString(cpu)}&category=compute", "/badges/wasmtime.json?arch=x86_64&metric=speed" })
        {
            using var badge = await Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, badge.StatusCode);
        }

        Assert.NotEmpty(log.Commands);
        Assert.All(log.Commands, sql => Assert.Contains("leaderboard_cells", sql, StringComparison.Ordinal));
        Assert.DoesNotContain(log.Commands, sql => ReadsSubmissions().IsMatch(sql));
    }

    [Fact]
    public async Task TheListOfKnownRuntimesIsKeptUntilARuntimeAppears()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("a").WithRatio("wasmtime", 1.2));
        using (var first = await Client.GetAsync("/badges/wasmtime.svg"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var log = new SqlCommandLog<PostgresDbContext>(await Fixture.WithDatabaseAsync(db => Task.FromResult(db.Database.GetDbConnection().Database)));
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("b").WithRatio("wasmtime", 1.4));
        using (var known = await Client.GetAsync("/badges/wasmtime.svg"))
        {
            Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        }

        // The badge was recomputed (its runtime's cells changed), but the list of runtimes was not.
        Assert.Contains(log.Commands, sql => sql.Contains("leaderboard_cells", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Commands, sql => sql.Contains("WITH RECURSIVE suites", StringComparison.Ordinal));

        // A runtime nobody had measured is known as soon as its first submission is accepted.
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("c").WithRatio("wasmtime", 1.3).WithRuntime("wamr", "WAMR", 2.0));
        using var appeared = await Client.GetAsync("/badges/wamr.svg");
        Assert.Equal(HttpStatusCode.OK, appeared.StatusCode);
        Assert.Contains(log.Commands, sql => sql.Contains("WITH RECURSIVE suites", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachWorkloadsFiguresAreMaintainedCellsThatTheWorkloadFilterReads()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("a").WithWorkloadRatio("wasmtime", "fib", 1.1));
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("b").WithWorkloadRatio("wasmtime", "fib", 1.3));

        var metrics = await Fixture.WithDatabaseAsync(db => db.LeaderboardCells.AsNoTracking()
            .Where(c => c.RuntimeSlug == "wasmtime" && c.Metric.StartsWith(LeaderboardMetric.WorkloadPrefix + "fib"))
            .Select(c => c.Metric)
            .ToListAsync());
        var cell = await Fixture.WithDatabaseAsync(db => db.LeaderboardCells.AsNoTracking()
            .SingleAsync(c => c.RuntimeSlug == "wasmtime" && c.Metric == "workload:fib"));
        var board = await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?workload=fib");

        Assert.Equal(["workload:fib", "workload:fib:memory", "workload:fib:process"], metrics.Order(StringComparer.Ordinal));
        Assert.Equal((2, 1.2), (cell.Machines, Math.Round(cell.Figure!.Value, 9)));
        Assert.Equal(cell.Figure.Value, board.Rows.Single(r => r.Runtime == "wasmtime").Value, Tolerance);
    }

    [Fact]
    public async Task AnUnknownRuntimesBadgeIsAnsweredWithoutAQuery()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document());
        using (await Client.GetAsync("/badges/warm-the-runtime-list.svg"))
        {
        }

        using var log = new SqlCommandLog<PostgresDbContext>(await Fixture.WithDatabaseAsync(db => Task.FromResult(db.Database.GetDbConnection().Database)));
        using var badge = await Client.GetAsync("/badges/no-such-runtime.svg");
        using var json = await Client.GetAsync("/badges/nor-this-one.json");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (badge.StatusCode, json.StatusCode));
        Assert.Empty(log.Commands);
    }

    [Fact]
    public async Task FiveHundredSubmissionsFromOneMachineMoveItsCpuCellNoMoreThanOne()
    {
        var key = await Client.RegisterNewKeyAsync();
        foreach (var (machine, ratio) in new[] { ("a", 1.2), ("b", 1.5), ("c", 1.8) })
        {
            await Client.SubmitCreatedAsync(key, key.Document().OnMachine(machine).WithRatio("wasmtime", ratio));
        }

        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("eager").WithRatio("wasmtime", 3));
        var afterOne = await WasmtimeRowAsync();
        for (var i = 1; i < 500; i++)
        {
            await Client.SubmitCreatedAsync(key, key.Document().OnMachine("eager").WithRatio("wasmtime", 3));
        }

        var afterFiveHundred = await WasmtimeRowAsync();

        // Four machines' votes 1.2, 1.5, 1.8 and 3: the median is 1.65 whether the eager machine sent one run or 500.
        Assert.Equal(1.65, afterOne.Value, Tolerance);
        Assert.Equal(afterOne.Value, afterFiveHundred.Value, Tolerance);
        Assert.Equal((afterOne.Lower, afterOne.Upper), (afterFiveHundred.Lower, afterFiveHundred.Upper));
        Assert.Equal((4, 4, 503), (afterOne.Machines, afterFiveHundred.Machines, afterFiveHundred.Submissions));
    }

    [Fact]
    public async Task AMachineWhoseKeyWasRotatedStillHasOneVote()
    {
        var oldKey = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(oldKey, oldKey.Document().OnMachine("a").WithRatio("wasmtime", 1.2));
        var newKey = SigningHelpers.CreateKey();
        using (var rotated = await Client.RotateAsync(oldKey, KeyRotationRequest.For(oldKey, newKey)))
        {
            Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        }

        await Client.SubmitCreatedAsync(newKey, newKey.Document().OnMachine("a").WithRatio("wasmtime", 1.8));

        // One machine, two runs under two keys of one contributor: one vote, the median of its runs.
        var row = await WasmtimeRowAsync();
        Assert.Equal((1, 2), (row.Machines, row.Submissions));
        Assert.Equal((1, 1.5), await ExecutionCellAsync());
    }

    [Fact]
    public async Task AnOutlierAmongEnoughMachinesIsQuarantinedAndItsReleaseRestoresTheCell()
    {
        var key = await Client.RegisterNewKeyAsync();
        var ratios = new[] { 1.4, 1.45, 1.5, 1.55, 1.6 };
        for (var i = 0; i < ratios.Length; i++)
        {
            var accepted = await Client.SubmitCreatedAsync(key, key.Document().OnMachine($"m{i}").WithRatio("wasmtime", ratios[i]));
            Assert.Equal("accepted", accepted.Status);
        }

        var outlier = await Client.SubmitCreatedAsync(key, key.Document().OnMachine("odd").WithRatio("wasmtime", 6));

        // ln 6 - ln 1.5 = 1.386 against a MAD of the logs of 0.0339: z = 0.6745 × 1.386 / 0.0339 ≈ 27.6.
        Assert.Equal("quarantined", outlier.Status);
        Assert.Contains("wasmtime", outlier.QuarantineReason, StringComparison.Ordinal);
        Assert.Contains("execution", outlier.QuarantineReason, StringComparison.Ordinal);
        Assert.Contains("modified z-score", outlier.QuarantineReason, StringComparison.Ordinal);
        var score = ModifiedZScore.Of(Math.Log(6), [.. ratios.Select(r => Math.Log(r))])!.Value;
        Assert.True(score > ModifiedZScore.Threshold, $"score {score}");
        var before = await WasmtimeRowAsync();
        Assert.Equal(5, before.Machines);
        Assert.Equal(1.5, before.Value, Tolerance);

        using var release = await Client.ReleaseAsync(outlier.Id, Token);

        Assert.Equal(HttpStatusCode.OK, release.StatusCode);
        var after = await WasmtimeRowAsync();
        Assert.Equal(6, after.Machines);
        Assert.Equal((1.5 + 1.55) / 2, after.Value, Tolerance);
    }

    [Fact]
    public async Task AnUnusualMachineAmongTooFewIsNotJudged()
    {
        var key = await Client.RegisterNewKeyAsync();
        for (var i = 0; i < ModifiedZScore.MinimumReference - 1; i++)
        {
            await Client.SubmitCreatedAsync(key, key.Document().OnMachine($"m{i}").WithRatio("wasmtime", 1.4 + (0.05 * i)));
        }

        var unusual = await Client.SubmitCreatedAsync(key, key.Document().OnMachine("odd").WithRatio("wasmtime", 6));

        Assert.Equal("accepted", unusual.Status);
    }

    [Fact]
    public async Task AnAdministratorCanRecomputeACell()
    {
        var key = await Client.RegisterNewKeyAsync();
        var created = await Client.SubmitCreatedAsync(key, key.Document().WithRatio("wasmtime", 1.2));
        var maintained = await Fixture.WithDatabaseAsync(db => db.LeaderboardCells.CountAsync(c => c.RuntimeSlug == "wasmtime"));
        await Fixture.WithDatabaseAsync(db => db.LeaderboardCells.ExecuteDeleteAsync());
        var cpuKey = created.CpuKey;

        using var response = await Client.PostAsAdminAsync(
            "/api/v1/admin/cells/recompute", new RecomputeCellsRequest(ResultDocumentBuilder.Suite, "quick", cpuKey, "wasmtime"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<RecomputeCellsResponse>();
        Assert.True(maintained > 1, $"{maintained} cells");
        Assert.Equal(maintained, result!.Cells);
        Assert.Equal((1, 1.2), await ExecutionCellAsync());
    }

    private Task<(int Machines, double Value)> ExecutionCellAsync() => Fixture.WithDatabaseAsync(async db =>
    {
        var cell = await db.LeaderboardCells.AsNoTracking()
            .SingleAsync(c => c.Metric == LeaderboardMetric.Execution.Id && c.RuntimeSlug == "wasmtime");
        return (cell.Machines, Math.Round(cell.Figure!.Value, 9));
    });

    private async Task<LeaderboardRowResponse> WasmtimeRowAsync() =>
        (await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard")).Rows.Single(r => r.Runtime == "wasmtime");

    [GeneratedRegex(@"\b(FROM|JOIN)\s+(submissions|runtime_results|workload_results|category_results)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReadsSubmissions();
}
