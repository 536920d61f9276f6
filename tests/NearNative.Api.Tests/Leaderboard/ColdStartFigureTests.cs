using NearNative.Api.Leaderboard;
using NearNative.Api.Submissions;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NSec.Cryptography;

namespace NearNative.Api.Tests.Leaderboard;

/// <summary>
/// Start-up in milliseconds added to native and memory as a floor in MB, in the leaderboard, the badges and the
/// submission. Native's empty process lasts 1 ms + 0.1 µs × round and peaks at 1.2 MB. wasmtime's lasts 5.2×
/// as long (4.2 ms + 0.42 µs × round added) and peaks at 9.8 MB; wasmer's 2× (1 ms + 0.1 µs × round) at 30 MB.
/// </summary>
public abstract class ColdStartFigureTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string IntelKey = "x86_64/genuineintel/intel-core-i7-9700k/6-158-12/none";
    private const double Tolerance = 1e-9;

    // Ten rounds: the median is the mean of rounds 4 and 5, the sign-test interval rounds 1 and 8 at 1 − 2·11/1024.
    // Ten rounds of differences 4.2 + 0.00042·r ms: the interval interpolates to 95% between x(2) and x(3) and between
    // x(9) and x(8), w = 0.657658 of the 0.00042 ms step (worked out in the Domain's ColdStartFiguresTests).
    private const double AddedLower = 4.200696216;
    private const double AddedUpper = 4.203083784;

    private readonly HttpClient _client = fixture.CreateClient();
    private Key? _key;
    private SubmissionResponse? _submission;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        _key = await _client.RegisterNewKeyAsync();
        _submission = await _client.SubmitCreatedAsync(_key!, Document("one", wasmtimeStartup: 5.2));
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task StartupRanksByMillisecondsAddedToNativeWithTheRatioBeside()
    {
        var board = await _client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?metric=startup");

        Assert.Equal(("startup", "ms", "lower-is-better"), (board.Metric, board.Unit, board.Direction));
        Assert.Equal(["wasmer", "wasmtime"], board.Rows.Select(r => r.Runtime));
        var (wasmer, wasmtime) = (board.Rows[0], board.Rows[1]);
        Assert.Equal(1.00045, wasmer.AddedMs!.Value, Tolerance);
        Assert.Equal(wasmer.Value, wasmer.AddedMs);
        Assert.Equal(2.0, wasmer.StartupRatio!.Value, Tolerance);
        Assert.Equal("+1.0 ms over native", wasmer.ValueText);
        Assert.Equal(4.20189, wasmtime.AddedMs!.Value, Tolerance);
        Assert.Equal(5.2, wasmtime.StartupRatio!.Value, Tolerance);
        Assert.Equal("+4.2 ms over native", wasmtime.ValueText);
        Assert.Equal((null, null, null, null), (wasmtime.Slowdown, wasmtime.SpeedPercent, wasmtime.FloorMb, wasmtime.NativeFloorMb));
        Assert.Equal(wasmtime.AddedMs, wasmtime.Cells.Single().AddedMs);
    }

    [Fact]
    public async Task ALoneMachinesCellCarriesItsSubmissionsOwnInterval()
    {
        var startup = (await _client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?metric=startup")).Rows.Single(r => r.Runtime == "wasmtime");
        var process = (await _client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?metric=process")).Rows.Single(r => r.Runtime == "wasmtime");

        var cell = startup.Cells.Single();
        Assert.Equal((AddedLower, AddedUpper, 0.95), (Math.Round(cell.Lower, 9), Math.Round(cell.Upper, 9), cell.Confidence));
        Assert.Equal((cell.Lower, cell.Upper, cell.Confidence), (startup.Lower, startup.Upper, startup.Confidence));

        // Whole-process ratios differ from round to round, so the submission's interval has width, and the cell shows it.
        var own = _submission!.Runtimes.Single(r => r.Slug == "wasmtime").Process!;
        Assert.True(own.Upper > own.Lower);
        Assert.Equal((own.Lower, own.Upper, own.Confidence), (process.Cells.Single().Lower, process.Cells.Single().Upper, process.Cells.Single().Confidence));
    }

    [Fact]
    public async Task TwoMachinesOnACpuGiveTheIntervalOfTheirMedian()
    {
        // A second Intel machine adds 6.2 ms: the cell is the median of the two machines, its interval spans them, and
        // two values cover their median with probability 1/2 only, which the confidence says.
        await _client.SubmitCreatedAsync(_key!, Document("two", wasmtimeStartup: 7.2));

        var cell = (await _client.GetOkAsync<LeaderboardResponse>($"/api/v1/leaderboard?metric=startup&cpu={IntelKey}")).Rows.Single(r => r.Runtime == "wasmtime").Cells.Single();

        Assert.Equal(2, cell.Machines);
        Assert.Equal((4.20189 + 6.20279) / 2, cell.Value, Tolerance);
        Assert.Equal((4.20189, 6.20279, 0.5), (Math.Round(cell.Lower, 9), Math.Round(cell.Upper, 9), cell.Confidence));
    }

    [Fact]
    public async Task TheMemoryFloorIsMegabytesOfTheEmptyProgramWithNativesBeside()
    {
        var board = await _client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?metric=memory-floor");

        Assert.Equal(("memory-floor", "MB"), (board.Metric, board.Unit));
        Assert.Equal(["wasmtime", "wasmer"], board.Rows.Select(r => r.Runtime));
        var wasmtime = board.Rows[0];
        Assert.Equal((9.8, 1.2), (Math.Round(wasmtime.FloorMb!.Value, 9), Math.Round(wasmtime.NativeFloorMb!.Value, 9)));
        Assert.Equal(wasmtime.Value, wasmtime.FloorMb);
        Assert.Equal("9.8 MB floor", wasmtime.ValueText);
        Assert.Equal("30 MB floor", board.Rows[1].ValueText);
        Assert.Equal((null, null), (wasmtime.AddedMs, wasmtime.Slowdown));
    }

    [Fact]
    public async Task TheMemoryRatioLeavesTheEmptyProgramOut()
    {
        // wasmtime's empty program peaks at 8× native's, its workloads at 1.1×: the ratio is 1.1.
        var wasmtime = (await _client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?metric=memory")).Rows.Single(r => r.Runtime == "wasmtime");

        Assert.Equal(1.1, wasmtime.Value, Tolerance);
    }

    [Fact]
    public async Task BadgesSayMillisecondsStartAndMegabytesFloor()
    {
        using var startup = await _client.GetAsync("/badges/wasmtime.json?metric=startup");
        using var floor = await _client.GetAsync("/badges/wasmer.json?metric=memory-floor");
        using var svg = await _client.GetAsync("/badges/wasmtime.svg?metric=memory-floor");

        Assert.Equal(("wasmtime", "+4.2 ms start", "green"), await startup.ReadBadgeAsync());
        Assert.Equal(("wasmer", "30 MB floor", "yellow"), await floor.ReadBadgeAsync());
        Assert.Contains("<title>wasmtime: 9.8 MB floor</title>", await svg.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSubmissionShowsAddedMillisecondsAndTheFloor()
    {
        var wasmtime = _submission!.Runtimes.Single(r => r.Slug == "wasmtime");

        var added = wasmtime.Startup.AddedMs!;
        Assert.Equal((4.20189, AddedLower, AddedUpper, 0.95), (Math.Round(added.Value, 9), Math.Round(added.Lower, 9), Math.Round(added.Upper, 9), added.Confidence));
        Assert.Equal(added.Value, wasmtime.Startup.OverheadMs);
        Assert.Equal(5.2, wasmtime.Startup.Ratio!.Value, Tolerance);
        Assert.Equal(9.8, wasmtime.MemoryFloor.FloorMb!.Value, Tolerance);
        Assert.Equal(1.2, wasmtime.MemoryFloor.NativeFloorMb!.Value, Tolerance);
    }

    private ResultDocumentBuilder Document(string machine, double wasmtimeStartup) => _key!.Document()
        .OnMachine(machine)
        .WithStartupRatio("wasmtime", wasmtimeStartup)
        .WithStartupRatio("wasmer", 2)
        .WithMemoryRatio("wasmtime", 1.1)
        .WithEmptyPeakRss("native", 1_200_000)
        .WithEmptyPeakRss("wasmtime", 9_800_000)
        .WithEmptyPeakRss("wasmer", 30_000_000);
}

[Collection(OnPostgres.Name)]
public sealed class PostgresColdStartFigureTests(PostgresFixture fixture) : ColdStartFigureTests(fixture);

[Collection(OnSqlite.Name)]
public sealed class SqliteColdStartFigureTests(SqliteFixture fixture) : ColdStartFigureTests(fixture);
