using System.Net;
using System.Net.Http.Json;
using NearNative.Api.Cpus;
using NearNative.Api.Leaderboard;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NSec.Cryptography;

namespace NearNative.Api.Tests.Leaderboard;

/// <summary>
/// "Which runtime is fastest on my CPU, for compute, branchy code, start-up?" On the Intel machine wasmtime
/// computes at 1.2× native but its branchy workload runs at 3.0× and it starts 50× slower than native;
/// wasmer is 1.5× everywhere and starts at 2×. On the AMD machine wasmtime's compute is 2.7×.
/// </summary>
public abstract class LeaderboardMetricTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string IntelKey = "x86_64/genuineintel/intel-core-i7-9700k/6-158-12/none";
    private const string AmdKey = "x86_64/authenticamd/amd-ryzen-9-5950x/6-158-12/none";
    private const double Tolerance = 1e-9;

    private readonly HttpClient _client = fixture.CreateClient();

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        var key = await _client.RegisterNewKeyAsync();
        await _client.SubmitCreatedAsync(key, Intel(key, "one"));
        await _client.SubmitCreatedAsync(key, Intel(key, "one"));
        await _client.SubmitCreatedAsync(key, key.Document()
            .OnMachine("three")
            .WithCpu("AuthenticAMD", "AMD Ryzen 9 5950X 16-Core Processor")
            .WithRatio("wasmtime", 2.7)
            .WithRatio("wasmer", 1.5)
            .WithStartupRatio("wasmtime", 50)
            .WithStartupRatio("wasmer", 2));
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheDefaultLeaderboardIsExecutionAndSaysSo()
    {
        var board = await _client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard");

        Assert.Equal(("execution", "lower-is-better", null), (board.Metric, board.Direction, board.Cpu));
        Assert.Contains("Kernel time", board.Description, StringComparison.Ordinal);
        var wasmtime = board.Rows.Single(r => r.Runtime == "wasmtime");
        Assert.Equal(wasmtime.Value, wasmtime.Slowdown);
        Assert.Equal(wasmtime.SlowdownText, wasmtime.ValueText);
    }

    [Fact]
    public async Task TheOrderFlipsBetweenMetrics()
    {
        // Intel only, so every figure is that one machine's.
        async Task<string[]> Order(string metric) =>
            [.. (await _client.GetOkAsync<LeaderboardResponse>($"/api/v1/leaderboard?cpu={IntelKey}&metric={metric}")).Rows.Select(r => r.Runtime)];

        // wasmtime: (1.2 × 3.0 × 1.2)^(1/3) = 1.63 over wasmer's 1.5.
        Assert.Equal(["wasmer", "wasmtime"], await Order("execution"));
        Assert.Equal(["wasmtime", "wasmer"], await Order("category:compute"));
        Assert.Equal(["wasmer", "wasmtime"], await Order("category:branchy"));
        Assert.Equal(["wasmer", "wasmtime"], await Order("startup"));
        Assert.Equal(["wasmer", "wasmtime"], await Order("startup-ratio"));
        Assert.Equal(["wasmtime", "wasmer"], await Order("memory"));
        Assert.Equal(["wasmer", "wasmtime"], await Order("process"));

        var compute = await _client.GetOkAsync<LeaderboardResponse>($"/api/v1/leaderboard?cpu={IntelKey}&metric=category:compute");
        Assert.Equal(("category:compute", "lower-is-better"), (compute.Metric, compute.Direction));
        Assert.Equal([1.2, 1.5], compute.Rows.Select(r => Math.Round(r.Value, 9)));
        Assert.Equal([1, 2], compute.Rows.Select(r => r.Rank));

        var startup = await _client.GetOkAsync<LeaderboardResponse>($"/api/v1/leaderboard?cpu={IntelKey}&metric=startup-ratio");
        Assert.Equal(["2.00× native", "50.0× native"], startup.Rows.Select(r => r.SlowdownText));
        Assert.Equal(Math.Cbrt(1.2 * 3.0 * 1.2), (await _client.GetOkAsync<LeaderboardResponse>($"/api/v1/leaderboard?cpu={IntelKey}")).Rows[1].Value, Tolerance);
    }

    [Fact]
    public async Task MemoryIsARatioButNotASlowdown()
    {
        var board = await _client.GetOkAsync<LeaderboardResponse>($"/api/v1/leaderboard?metric=memory&cpu={IntelKey}&cells=true");

        var wasmtime = board.Rows[0];
        Assert.Equal(("wasmtime", 1.1), (wasmtime.Runtime, Math.Round(wasmtime.Value, 9)));
        Assert.Equal("1.10× native", wasmtime.ValueText);
        Assert.Equal((null, null, null), (wasmtime.Slowdown, wasmtime.SlowdownText, wasmtime.SpeedPercent));
        Assert.Null(wasmtime.Cells!.Single().Slowdown);
    }

    [Fact]
    public async Task ThePreinitGainRanksHigherIsBetter()
    {
        var board = await _client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?metric=preinit-gain");

        Assert.Equal(("preinit-gain", "higher-is-better"), (board.Metric, board.Direction));
        Assert.Equal(["wasmer", "wasmtime"], board.Rows.Select(r => r.Runtime));
        Assert.Equal([1, 2], board.Rows.Select(r => r.Rank));

        // Intel 4 (wasmer) and 3 (wasmtime); AMD the builder's default 2: geometric means over the CPU keys.
        Assert.Equal(Math.Sqrt(4.0 * 2.0), board.Rows[0].Value, Tolerance);
        Assert.Equal(Math.Sqrt(3.0 * 2.0), board.Rows[1].Value, Tolerance);
        Assert.Equal("2.83× faster pre-initialised", board.Rows[0].ValueText);
        Assert.Null(board.Rows[0].Slowdown);
    }

    [Fact]
    public async Task TheCpuFilterRanksOnOneCpuOnly()
    {
        var everywhere = await _client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?metric=category:compute");
        var intel = await _client.GetOkAsync<LeaderboardResponse>($"/api/v1/leaderboard?metric=category:compute&cpu={IntelKey}&cells=true");
        var amd = await _client.GetOkAsync<LeaderboardResponse>($"/api/v1/leaderboard?metric=category:compute&cpu={AmdKey}");

        // Over both CPUs wasmtime's compute is √(1.2 × 2.7) = 1.8, behind wasmer; on Intel it leads.
        Assert.Equal(["wasmer", "wasmtime"], everywhere.Rows.Select(r => r.Runtime));
        Assert.Equal(1.8, everywhere.Rows[1].Value, Tolerance);
        Assert.Equal(2, everywhere.Rows[1].CpuKeys);

        Assert.Equal(IntelKey, intel.Cpu);
        Assert.Equal(["wasmtime", "wasmer"], intel.Rows.Select(r => r.Runtime));
        var wasmtime = intel.Rows[0];
        Assert.Equal((1, 2, 1), (wasmtime.Machines, wasmtime.Submissions, wasmtime.CpuKeys));
        Assert.Equal(IntelKey, wasmtime.Cells!.Single().CpuKey);
        Assert.Equal(1.2, wasmtime.Value, Tolerance);

        Assert.Equal(2.7, amd.Rows.Single(r => r.Runtime == "wasmtime").Value, Tolerance);
    }

    [Fact]
    public async Task AnUnknownCpuHasNoRows()
    {
        var board = await _client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?cpu=x86_64/genuineintel/nothing/x/none");

        Assert.Equal("x86_64/genuineintel/nothing/x/none", board.Cpu);
        Assert.Empty(board.Rows);
    }

    [Theory]
    [InlineData("metric=fastest", "metric")]
    [InlineData("metric=category:startup", "metric")]
    [InlineData("metric=category:nothing", "metric")]
    [InlineData("metric=Execution", "metric")]
    [InlineData("metric=execution&size=huge", "size")]
    public async Task AnInvalidMetricIsAValidationProblem(string query, string field)
    {
        using var response = await _client.GetAsync($"/api/v1/leaderboard?{query}");

        var errors = await response.AssertValidationProblemAsync();
        Assert.Contains(field, errors.Keys);
        if (field == "metric")
        {
            Assert.Equal(
                "Must be one of execution, process, memory, memory-floor, startup, startup-ratio, preinit-gain, instance-start, instance-density, category:compute, category:branchy, category:memory ('speed' is another name for execution).",
                errors["metric"].Single());
        }
    }

    [Fact]
    public async Task AnOverlongCpuIsAValidationProblem()
    {
        using var response = await _client.GetAsync($"/api/v1/leaderboard?cpu={new string('x', 201)}");

        Assert.Contains("cpu", (await response.AssertValidationProblemAsync()).Keys);
    }

    [Fact]
    public async Task CpusListsEachKeyWithItsMachinesAndSubmissions()
    {
        using var response = await _client.GetAsync("/api/v1/cpus");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cpus = (await response.Content.ReadFromJsonAsync<CpusResponse>())!;
        Assert.Equal((ResultDocumentBuilder.Suite, null), (cpus.Suite, cpus.Size));
        Assert.Equal([new CpuResponse(IntelKey, 1, 2), new CpuResponse(AmdKey, 1, 1)], cpus.Cpus);
        Assert.Empty((await _client.GetOkAsync<CpusResponse>("/api/v1/cpus?size=full")).Cpus);
    }

    [Fact]
    public async Task CpusRefusesAnUnknownSizeAndSuite()
    {
        using var size = await _client.GetAsync("/api/v1/cpus?size=huge");
        using var suite = await _client.GetAsync("/api/v1/cpus?suite=nope");

        Assert.Contains("size", (await size.AssertValidationProblemAsync()).Keys);
        await suite.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ANewSubmissionShowsUpInEveryMetricAndTheCpuList()
    {
        // Fill the cache first, then add a CPU.
        Assert.Equal(2, (await _client.GetOkAsync<CpusResponse>("/api/v1/cpus")).Cpus.Count);
        Assert.Equal(2, (await _client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?metric=startup")).Rows[0].CpuKeys);

        var key = await _client.RegisterNewKeyAsync();
        await _client.SubmitCreatedAsync(key, key.Document().OnMachine("four").WithCpu("GenuineIntel", "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz"));

        Assert.Equal(3, (await _client.GetOkAsync<CpusResponse>("/api/v1/cpus")).Cpus.Count);
        Assert.Equal(3, (await _client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?metric=startup")).Rows[0].CpuKeys);
    }

    private static ResultDocumentBuilder Intel(Key key, string machine) => key.Document()
        .OnMachine(machine)
        .WithRatio("wasmtime", 1.2)
        .WithWorkloadRatio("wasmtime", "interp", 3.0)
        .WithRatio("wasmer", 1.5)
        .WithStartupRatio("wasmtime", 50)
        .WithStartupRatio("wasmer", 2)
        .WithMemoryRatio("wasmtime", 1.1)
        .WithMemoryRatio("wasmer", 1.3)
        .WithPreinitGain("wasmtime", 3)
        .WithPreinitGain("wasmer", 4);
}

[Collection(OnPostgres.Name)]
public sealed class PostgresLeaderboardMetricTests(PostgresFixture fixture) : LeaderboardMetricTests(fixture);

/// <summary>The metric queries on the embedded default as well: they use provider-translated SQL.</summary>
[Collection(OnSqlite.Name)]
public sealed class SqliteLeaderboardMetricTests(SqliteFixture fixture) : LeaderboardMetricTests(fixture);
