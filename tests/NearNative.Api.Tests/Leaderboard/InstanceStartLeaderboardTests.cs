using NearNative.Api.Leaderboard;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Results;
using NSec.Cryptography;

namespace NearNative.Api.Tests.Leaderboard;

/// <summary>
/// Instance start and density in the leaderboard and the badges. On machine one, wasmtime's instances start in 11,
/// 12, …, 30 µs (median 20.5; the sign-test interval [x(6), x(15)] = [16, 25] at 95.86% interpolated linearly to 95%
/// moves each bound w = 0.235234 of the one-µs step inwards: [16.235234, 24.764766]) and keep 25 KB each; wasmer's in 60 µs
/// and keep 100 KB. Native starts by fork and exec in 400 µs and by posix_spawn in 350 µs; namespaces are forbidden.
/// </summary>
public abstract class InstanceStartLeaderboardTests(ApiFixture fixture) : IAsyncLifetime
{
    private const double Tolerance = 1e-9;

    private readonly HttpClient _client = fixture.CreateClient();
    private Key? _key;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        _key = await _client.RegisterNewKeyAsync();
        await _client.SubmitCreatedAsync(_key!, Document("one", wasmtimeFirstUs: 11, forkExecUs: 400));
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task InstanceStartRanksByMedianMicrosecondsWithNativeProcessStartsBeside()
    {
        var board = await _client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?metric=instance-start&cells=true");

        Assert.Equal(("instance-start", "µs", "lower-is-better"), (board.Metric, board.Unit, board.Direction));
        Assert.Equal(["wasmtime", "wasmer"], board.Rows.Select(r => r.Runtime));
        var (wasmtime, wasmer) = (board.Rows[0], board.Rows[1]);
        Assert.Equal(20.5, wasmtime.Value, Tolerance);
        Assert.Equal("21 µs per instance", wasmtime.ValueText);
        Assert.Equal("60 µs per instance", wasmer.ValueText);
        Assert.Equal((null, null), (wasmtime.Slowdown, wasmtime.AddedMs));

        // A lone machine's cell carries the interval its starts gave.
        Assert.Equal((16.235234, 24.764766), (Math.Round(wasmtime.Cells!.Single().Lower, 6), Math.Round(wasmtime.Cells!.Single().Upper, 6)));
        Assert.Equal(
            [new NativeBaselineResponse("quick", "x86_64", InstanceStart.ForkExec, 400, 1, 1), new NativeBaselineResponse("quick", "x86_64", InstanceStart.PosixSpawn, 350, 1, 1)],
            board.NativeBaselines!);
    }

    [Fact]
    public async Task InstanceDensityRanksByKilobytesPerLiveInstanceWithoutAnIntervalOfItsOwn()
    {
        var board = await _client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?metric=instance-density");

        Assert.Equal(("instance-density", "KB"), (board.Metric, board.Unit));
        Assert.Equal(["wasmtime", "wasmer"], board.Rows.Select(r => r.Runtime));
        var wasmtime = board.Rows[0];
        Assert.Equal(25, wasmtime.Value, Tolerance);
        Assert.Equal("25 KB per live instance", wasmtime.ValueText);
        Assert.Equal((25.0, 25.0), (Math.Round(wasmtime.Lower, 9), Math.Round(wasmtime.Upper, 9)));
        Assert.Null(board.NativeBaselines);
    }

    [Fact]
    public async Task TwoMachinesVoteOnceEachForTheFigureAndTheBaselines()
    {
        // Machine two: wasmtime 31…50 µs (median 40.5), fork and exec in 500 µs.
        await _client.SubmitCreatedAsync(_key!, Document("two", wasmtimeFirstUs: 31, forkExecUs: 500));

        var board = await _client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?metric=instance-start");

        var wasmtime = board.Rows.Single(r => r.Runtime == "wasmtime");
        Assert.Equal((30.5, 2), (wasmtime.Value, wasmtime.Machines));
        var forkExec = board.NativeBaselines!.Single(b => b.Method == InstanceStart.ForkExec);
        Assert.Equal((450.0, 2, 2), (forkExec.MedianUs, forkExec.Machines, forkExec.Submissions));
    }

    [Fact]
    public async Task BadgesSayMicrosecondsPerInstanceAndKilobytesPerInstance()
    {
        using var start = await _client.GetAsync("/badges/wasmtime.json?metric=instance-start");
        using var density = await _client.GetAsync("/badges/wasmer.json?metric=instance-density");
        using var svg = await _client.GetAsync("/badges/wasmtime.svg?metric=instance-density");

        Assert.Equal(("wasmtime", "21 µs instance start", "green"), await start.ReadBadgeAsync());
        Assert.Equal(("wasmer", "100 KB per instance", "yellowgreen"), await density.ReadBadgeAsync());
        Assert.Contains("<title>wasmtime: 25 KB per instance</title>", await svg.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunWithoutInstanceStartsLeavesTheOtherMetricsAlone()
    {
        await fixture.ResetAsync();
        var key = await _client.RegisterNewKeyAsync();
        await _client.SubmitCreatedAsync(key, key.Document());

        var start = await _client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?metric=instance-start");
        var execution = await _client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard");

        Assert.Empty(start.Rows);
        Assert.Empty(start.NativeBaselines!);
        Assert.Equal(2, execution.Rows.Count);
    }

    private ResultDocumentBuilder Document(string machine, int wasmtimeFirstUs, long forkExecUs) => _key!.Document()
        .OnMachine(machine)
        .Edit(d => d with
        {
            InstanceStarts =
            [
                new InstanceStart("wasmtime", InstanceStart.InHost, Starts(Enumerable.Range(wasmtimeFirstUs, 20)), [100_000], 1000, 10_000_000, 35_000_000),
                new InstanceStart("wasmer", InstanceStart.InHost, Starts(Enumerable.Repeat(60, 20)), [], 1000, 0, 100_000_000),
                new InstanceStart(RuntimeInfo.NativeId, InstanceStart.ForkExec, Starts(Enumerable.Repeat((int)forkExecUs, 20)), [], 0, null, null),
                new InstanceStart(RuntimeInfo.NativeId, InstanceStart.PosixSpawn, Starts(Enumerable.Repeat(350, 20)), [], 0, null, null),
                InstanceStart.Unavailable(RuntimeInfo.NativeId, InstanceStart.Namespaced, "unshare: Operation not permitted"),
            ],
        });

    private static long[] Starts(IEnumerable<int> microseconds) => [.. microseconds.Select(us => us * 1_000L)];
}

[Collection(OnPostgres.Name)]
public sealed class PostgresInstanceStartLeaderboardTests(PostgresFixture fixture) : InstanceStartLeaderboardTests(fixture);

[Collection(OnSqlite.Name)]
public sealed class SqliteInstanceStartLeaderboardTests(SqliteFixture fixture) : InstanceStartLeaderboardTests(fixture);
