using System.Net;
using System.Net.Http.Json;
using NearNative.Api.Infrastructure;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Api.TradeOff;
using NSec.Cryptography;

namespace NearNative.Api.Tests.TradeOff;

/// <summary>
/// The trade-off endpoint on PostgreSQL, on the hand-worked example of <see cref="TradeOffWorkedExample"/> seeded through
/// the signed submission endpoint.
/// </summary>
[Collection(OnPostgres.Name)]
public sealed class TradeOffTests(PostgresFixture fixture) : ApiTest(fixture)
{
    private const double Tolerance = 1e-6;
    private const string IntelKey = "x86_64/genuineintel/intel-core-i7-9700k/6-158-12/none";

    private Key? _key;

    [Fact]
    public async Task TheWorkedExampleGivesTheHandWorkedNumbers()
    {
        await SeedAsync();

        TradeOffWorkedExample.Check(await Client.GetOkAsync<TradeOffResponse>(TradeOffWorkedExample.Query));
    }

    [Fact]
    public async Task EachFigureNamesTheCellsItCameFromAndTheProvisionalLabel()
    {
        await SeedAsync();
        await Client.SubmitCreatedAsync(_key!, TradeOffWorkedExample.Document(_key!).OnMachine("two"));

        var wasmtime = (await Client.GetOkAsync<TradeOffResponse>(TradeOffWorkedExample.Query)).Rows[0];

        var compute = wasmtime.Slowdown.Parts[0].Ratio.Source;
        Assert.Equal(("category:compute", 2, 2, true), (compute.Metric, compute.Machines, compute.Submissions, compute.Provisional));
        Assert.Equal([new TradeOffCellResponse(IntelKey, 2, 2, true)], compute.Cells);
        Assert.Equal("native-start:fork-exec", wasmtime.NativeStartUs!.Source.Metric);
        Assert.Equal("instance-start", wasmtime.InstanceStartUs!.Source.Metric);
        Assert.True(wasmtime.Provisional);
        Assert.True(wasmtime.InHost!.Provisional);

        // A third machine lifts the label from every figure.
        await Client.SubmitCreatedAsync(_key!, TradeOffWorkedExample.Document(_key!).OnMachine("three"));
        var settled = (await Client.GetOkAsync<TradeOffResponse>(TradeOffWorkedExample.Query)).Rows[0];
        Assert.False(settled.Provisional);
        Assert.False(settled.InHost!.Provisional);
        Assert.Equal(3, settled.Slowdown.Parts[0].Ratio.Source.Machines);
    }

    [Fact]
    public async Task TheBareUrlWeighsEveryCategoryEquallyForOneRequestOfOneMillisecond()
    {
        await SeedAsync();

        var answer = await Client.GetOkAsync<TradeOffResponse>("/api/v1/tradeoff");

        // wasmtime: (1.5 · 1.2 · 2.48832)^(1/3) = 4.478976^(1/3) = 1.648709…; wasmer 2.
        Assert.Equal(["category:branchy", "category:compute", "category:memory"], answer.Mix.Select(m => m.Metric).Order(StringComparer.Ordinal));
        Assert.Equal((1L, 1.0, "fork-exec"), (answer.Requests, answer.CpuMs, answer.Native));
        Assert.Equal(Math.Cbrt(1.5 * 1.2 * 2.48832), answer.Rows.Single(r => r.Runtime == "wasmtime").Slowdown.Value, Tolerance);
        Assert.Equal(2, answer.Rows.Single(r => r.Runtime == "wasmer").Slowdown.Value, Tolerance);
    }

    [Fact]
    public async Task LikeAWorkloadTakesThatWorkloadsRatio()
    {
        await SeedAsync();

        var answer = await Client.GetOkAsync<TradeOffResponse>("/api/v1/tradeoff?like=sha256&native=posix-spawn");

        Assert.Equal("sha256", answer.Like);
        Assert.Equal([new TradeOffMixResponse("workload:sha256", "sha256", 1, 1)], answer.Mix);
        var wasmtime = answer.Rows.Single(r => r.Runtime == "wasmtime");
        Assert.Equal(2.48832, wasmtime.Slowdown.Value, Tolerance);

        // Against posix_spawn's 300 µs: D = 0.02 − 0.3 = −0.28 ms; t* = 0.28 / (1 · 1.48832) = 0.188132…
        Assert.Equal(300, wasmtime.NativeStartUs!.Value, Tolerance);
        Assert.Equal(0.28 / 1.48832, wasmtime.InHost!.BreakEvenCpuMs.Value!.Value, Tolerance);
    }

    [Fact]
    public async Task WithoutANativeStartForTheMethodThereIsNoInHostComparison()
    {
        await SeedAsync();

        var wasmtime = (await Client.GetOkAsync<TradeOffResponse>("/api/v1/tradeoff?native=namespaced")).Rows[0];

        Assert.Null(wasmtime.InHost);
        Assert.Null(wasmtime.NativeStartUs);
        Assert.NotNull(wasmtime.Process);
        Assert.Null(wasmtime.Process.CostRatio);
        Assert.Equal("never", wasmtime.Process.BreakEvenRequests.PaysOff);
    }

    [Fact]
    public async Task ARuntimeMissingAPartOfTheMixIsListedNotCompared()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document().WithWrongOutput("wasmer", "sha256"));

        var answer = await Client.GetOkAsync<TradeOffResponse>("/api/v1/tradeoff");

        Assert.Equal(["wasmtime"], answer.Rows.Select(r => r.Runtime));
        var wasmer = Assert.Single(answer.Incomplete);
        Assert.Equal(("wasmer", "5.0.0"), (wasmer.Runtime, wasmer.Version));
        Assert.Equal(["category:memory"], wasmer.Missing);
    }

    [Fact]
    public async Task ACpuKeyOrAnotherArchitectureNarrowsTheFigures()
    {
        await SeedAsync();

        var onCpu = await Client.GetOkAsync<TradeOffResponse>("/api/v1/tradeoff?cpu=" + Uri.EscapeDataString(IntelKey));
        var onArm = await Client.GetOkAsync<TradeOffResponse>("/api/v1/tradeoff?arch=aarch64");

        Assert.Equal((IntelKey, "x86_64", 2), (onCpu.Cpu, onCpu.Architecture, onCpu.Rows.Count));
        Assert.Equal(("aarch64", 0), (onArm.Architecture, onArm.Rows.Count));
    }

    [Theory]
    [InlineData("weights=compute:3,io:1", "weights")]
    [InlineData("weights=compute", "weights")]
    [InlineData("weights=compute:0", "weights")]
    [InlineData("weights=compute:1,compute:2", "weights")]
    [InlineData("weights=compute:-1", "weights")]
    [InlineData("weights=compute:1e3", "weights")]
    [InlineData("like=empty", "like")]
    [InlineData("like=nothing", "like")]
    [InlineData("like=fib&weights=compute:1", "like")]
    [InlineData("requests=0", "requests")]
    [InlineData("requests=1000000001", "requests")]
    [InlineData("requests=2.5", "requests")]
    [InlineData("cpuMs=0", "cpuMs")]
    [InlineData("cpuMs=NaN", "cpuMs")]
    [InlineData("cpuMs=1e2", "cpuMs")]
    [InlineData("cpuMs=3600001", "cpuMs")]
    [InlineData("native=docker", "native")]
    [InlineData("arch=ARM", "arch")]
    [InlineData("cpu=x86_64/a/b/c/none&arch=aarch64", "arch")]
    [InlineData("size=medium", "size")]
    public async Task InvalidParametersAreProblemsKeyedByParameter(string query, string parameter)
    {
        using var response = await Client.GetAsync("/api/v1/tradeoff?" + query);

        var errors = await response.AssertValidationProblemAsync();
        Assert.Equal([parameter], errors.Keys);
    }

    [Fact]
    public async Task AnUnknownSuiteIsNotFound()
    {
        using var response = await Client.GetAsync("/api/v1/tradeoff?suite=nope-2026.1");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnswersAreCachedWithAnETagAndEvictedWhenACellChanges()
    {
        await SeedAsync();
        using var first = await Client.GetAsync(TradeOffWorkedExample.Query);
        var etag = first.Headers.ETag!;
        Assert.Equal(HttpCachePolicy.Aggregates.CacheControl, first.Headers.CacheControl!.ToString());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, TradeOffWorkedExample.Query);
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // Another query string is another answer; a new submission changes the cells and so the answer.
        var other = await Client.GetOkAsync<TradeOffResponse>(TradeOffWorkedExample.Query.Replace("requests=2", "requests=3", StringComparison.Ordinal));
        Assert.Equal(3, other.Requests);
        await Client.SubmitCreatedAsync(_key!, TradeOffWorkedExample.Document(_key!).OnMachine("two").WithRatio("wasmer", 3.0));
        using var after = await Client.GetAsync(TradeOffWorkedExample.Query);
        Assert.NotEqual(etag, after.Headers.ETag);
        Assert.Equal(2, (await after.Content.ReadFromJsonAsync<TradeOffResponse>())!.Rows[0].Slowdown.Parts[0].Ratio.Source.Machines);
    }

    private async Task SeedAsync()
    {
        _key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(_key, TradeOffWorkedExample.Document(_key));
    }
}

/// <summary>The worked example once on the embedded default, SQLite.</summary>
[Collection(OnSqlite.Name)]
public sealed class SqliteTradeOffTests(SqliteFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task TheWorkedExampleGivesTheHandWorkedNumbers()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, TradeOffWorkedExample.Document(key));

        TradeOffWorkedExample.Check(await Client.GetOkAsync<TradeOffResponse>(TradeOffWorkedExample.Query));
    }
}
