using System.Net;
using NearNative.Api.Cpus;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;

namespace NearNative.Api.Tests.Cpus;

[Collection(OnPostgres.Name)]
public sealed class CpuTests(PostgresFixture fixture) : ApiTest(fixture)
{
    private const string IntelKey = "x86_64/genuineintel/intel-core-i7-9700k/6-158-12/none";

    [Fact]
    public async Task ACpuKeyShowsItsBrandsCountsAndRuntimes()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document().WithRatio("wasmtime", 1.2));
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("two").WithRatio("wasmtime", 1.4));
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("bad").WithRatio("wasmer", 5000));

        var cpu = await Client.GetOkAsync<CpuDetailResponse>($"/api/v1/cpus/{IntelKey}");

        Assert.Equal((IntelKey, "x86_64", "none", ResultDocumentBuilder.Suite), (cpu.CpuKey, cpu.Architecture, cpu.Virtualisation, cpu.Suite));
        Assert.Equal((2, 2, 1), (cpu.Machines, cpu.Submissions, cpu.QuarantinedSubmissions));
        Assert.Equal([("Intel(R) Core(TM) i7-9700K CPU @ 3.60GHz", "GenuineIntel", 3)], cpu.Brands.Select(b => (b.Brand, b.Vendor, b.Machines)));
        Assert.Equal(["wasmtime", "wasmer"], cpu.Runtimes.Select(r => r.Runtime));
        Assert.Equal(1.3, cpu.Runtimes[0].Value, 1e-9);
        Assert.Equal((1, 2, true), (cpu.Runtimes[0].Rank, cpu.Runtimes[0].Machines, cpu.Runtimes[0].Provisional));
    }

    [Fact]
    public async Task ACpuNameWithMarkupStaysTextInJson()
    {
        const string brand = "<b onmouseover=alert(1)>Fast</b> & \"co\"";
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document().WithCpu("<i>Vendor</i>", brand));
        var cpuKey = (await Client.GetOkAsync<CpusResponse>("/api/v1/cpus")).Cpus.Single().CpuKey;

        var cpu = await Client.GetOkAsync<CpuDetailResponse>($"/api/v1/cpus/{cpuKey}");

        Assert.Equal((brand, "<i>Vendor</i>"), (cpu.Brands.Single().Brand, cpu.Brands.Single().Vendor));
    }

    [Fact]
    public async Task AnUnknownKeyIsNotFoundAndABadOneOrSizeIsAValidationProblem()
    {
        using var unknown = await Client.GetAsync("/api/v1/cpus/x86_64/nobody/nothing/x/none");
        using var size = await Client.GetAsync($"/api/v1/cpus/{IntelKey}?size=huge");
        using var listSize = await Client.GetAsync("/api/v1/cpus?size=huge");
        using var overlong = await Client.GetAsync($"/api/v1/cpus/{new string('a', 201)}");

        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(["size"], (await size.AssertValidationProblemAsync()).Keys);
        Assert.Equal(["size"], (await listSize.AssertValidationProblemAsync()).Keys);
        Assert.Equal(["key"], (await overlong.AssertValidationProblemAsync()).Keys);
    }

    [Fact]
    public async Task ACpuAnswersWithETagAndCacheControl()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document());

        using var response = await Client.GetAsync($"/api/v1/cpus/{IntelKey}");
        using var list = await Client.GetAsync("/api/v1/cpus");

        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal("public, max-age=30, stale-while-revalidate=300", response.Headers.CacheControl?.ToString());
        Assert.NotNull(list.Headers.ETag);
    }
}
