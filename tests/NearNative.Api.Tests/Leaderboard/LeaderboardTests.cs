using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NearNative.Api.Leaderboard;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NSec.Cryptography;

namespace NearNative.Api.Tests.Leaderboard;

[Collection(OnPostgres.Name)]
public sealed class LeaderboardTests(PostgresFixture fixture) : ApiTest(fixture)
{
    private static readonly (string Vendor, string Brand) Intel = ("GenuineIntel", "Intel(R) Core(TM) i7-9700K CPU @ 3.60GHz");
    private static readonly (string Vendor, string Brand) Amd = ("AuthenticAMD", "AMD Ryzen 9 5950X 16-Core Processor");

    [Fact]
    public async Task EachMachineVotesOnceAndEachCpuKeyWeighsTheSame()
    {
        var key = await Client.RegisterNewKeyAsync();

        // Intel: machine one submits five times at 1.2; machines two and three once each at 1.4 and 1.3.
        for (var i = 0; i < 5; i++)
        {
            await SubmitAsync(key, Intel, "one", 1.2);
        }

        await SubmitAsync(key, Intel, "two", 1.4);
        await SubmitAsync(key, Intel, "three", 1.3);

        // AMD: one machine at 2.0.
        await SubmitAsync(key, Amd, "four", 2.0);

        var board = await GetAsync("/api/v1/leaderboard?cells=true");

        Assert.Equal(ResultDocumentBuilder.Suite, board.Suite);
        Assert.Equal(["wasmtime", "wasmer"], board.Rows.Select(r => r.Runtime));
        var wasmtime = board.Rows[0];
        Assert.Equal((1, "quick", "30.0.0", "wasmtime"), (wasmtime.Rank, wasmtime.Size, wasmtime.Version, wasmtime.Name));
        Assert.Equal((4, 8, 2, false), (wasmtime.Machines, wasmtime.Submissions, wasmtime.CpuKeys, wasmtime.Provisional));

        // Median over Intel machines is 1.3 (machine one counted once, not five times); AMD is 2.0;
        // the global figure is their geometric mean.
        var intel = wasmtime.Cells!.Single(c => c.CpuKey == "x86_64/genuineintel/intel-core-i7-9700k/6-158-12/none");
        var amd = wasmtime.Cells!.Single(c => c.CpuKey == "x86_64/authenticamd/amd-ryzen-9-5950x/6-158-12/none");
        Assert.Equal(1.3, intel.Slowdown!.Value, 1e-6);
        Assert.Equal((3, 7, false), (intel.Machines, intel.Submissions, intel.Provisional));
        Assert.Equal(2.0, amd.Slowdown!.Value, 1e-6);
        Assert.Equal((1, 1, true), (amd.Machines, amd.Submissions, amd.Provisional));
        Assert.Equal(Math.Sqrt(1.3 * 2.0), wasmtime.Slowdown!.Value, 1e-6);
        Assert.Equal("1.61× native", wasmtime.SlowdownText);
        Assert.Equal(62, wasmtime.SpeedPercent);
        Assert.True(wasmtime.Lower <= wasmtime.Slowdown && wasmtime.Slowdown <= wasmtime.Upper);

        var wasmer = board.Rows[1];
        Assert.Equal(2, wasmer.Rank);
        Assert.Equal(3.0, wasmer.Slowdown!.Value, 1e-6);
    }

    [Fact]
    public async Task RowsCountTheirCpuCellsAndListThemOnlyWhenAsked()
    {
        var key = await Client.RegisterNewKeyAsync();
        await SubmitAsync(key, Intel, "one", 1.2);
        await SubmitAsync(key, Amd, "two", 2.0);

        using var plain = await Client.GetAsync("/api/v1/leaderboard");
        var listed = await GetAsync("/api/v1/leaderboard?cells=true");

        using var json = JsonDocument.Parse(await plain.Content.ReadAsStringAsync());
        var row = json.RootElement.GetProperty("rows")[0];
        Assert.Equal(JsonValueKind.Null, row.GetProperty("cells").ValueKind);
        Assert.Equal(2, row.GetProperty("cpuKeys").GetInt32());
        Assert.Equal(2, listed.Rows[0].Cells!.Count);
        Assert.Equal(row.GetProperty("value").GetDouble(), listed.Rows[0].Value);
    }

    [Fact]
    public async Task FullRowsComeFirstAndSizeFilters()
    {
        var key = await Client.RegisterNewKeyAsync();
        await SubmitAsync(key, Intel, "one", 1.2);
        await SubmitAsync(key, Intel, "one", 1.1, size: "full");

        var both = await GetAsync("/api/v1/leaderboard");
        var quick = await GetAsync("/api/v1/leaderboard?size=quick");

        Assert.Null(both.Size);
        Assert.Equal(["full", "full", "quick", "quick"], both.Rows.Select(r => r.Size));
        Assert.Equal([1, 2, 1, 2], both.Rows.Select(r => r.Rank));
        Assert.Equal("quick", quick.Size);
        Assert.All(quick.Rows, r => Assert.Equal("quick", r.Size));
        Assert.Equal(1.2, quick.Rows[0].Slowdown!.Value, 1e-6);
    }

    [Fact]
    public async Task ANewSubmissionShowsUpDespiteTheCache()
    {
        var key = await Client.RegisterNewKeyAsync();
        Assert.Empty((await GetAsync("/api/v1/leaderboard")).Rows);

        await SubmitAsync(key, Intel, "one", 1.2);

        Assert.Equal(2, (await GetAsync("/api/v1/leaderboard")).Rows.Count);
    }

    [Fact]
    public async Task AnUnknownSuiteIsNotFoundAndAnUnknownSizeInvalid()
    {
        using var suite = await Client.GetAsync("/api/v1/leaderboard?suite=nope");
        using var size = await Client.GetAsync("/api/v1/leaderboard?size=huge");

        await suite.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("size", (await size.AssertValidationProblemAsync()).Keys);
    }

    private async Task SubmitAsync(Key key, (string Vendor, string Brand) cpu, string machine, double ratio, string size = "quick")
    {
        var document = key.Document()
            .WithCpu(cpu.Vendor, cpu.Brand)
            .OnMachine(machine)
            .WithSize(size)
            .WithRatio("wasmtime", ratio)
            .WithRatio("wasmer", 3.0)
            .Build();
        using var response = await Client.SubmitAsync(key, document);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<LeaderboardResponse> GetAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<LeaderboardResponse>())!;
    }
}
