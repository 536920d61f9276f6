using System.Net;
using NearNative.Api.Leaderboard;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;

namespace NearNative.Api.Tests.Leaderboard;

[Collection(OnPostgres.Name)]
public sealed class LeaderboardFilterTests(PostgresFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task ArchitectureAndVirtualisationPickCpuKeys()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document().WithRatio("wasmtime", 1.2));
        await Client.SubmitCreatedAsync(key, Virtual(key.Document().OnMachine("vm").WithRatio("wasmtime", 1.8), "kvm"));

        var bare = await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?virtualisation=none");
        var kvm = await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?virtualisation=kvm&architecture=x86_64&cells=true");
        var arm = await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?architecture=aarch64");
        var both = await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?architecture=x86_64");

        Assert.Equal(1.2, Wasmtime(bare).Value, 1e-9);
        Assert.Equal(1.8, Wasmtime(kvm).Value, 1e-9);
        Assert.All(Wasmtime(kvm).Cells!, c => Assert.EndsWith("/kvm", c.CpuKey, StringComparison.Ordinal));
        Assert.Equal(("kvm", "x86_64"), (kvm.Virtualisation, kvm.Architecture));
        Assert.Empty(arm.Rows);
        Assert.Equal(2, Wasmtime(both).CpuKeys);
    }

    [Fact]
    public async Task RuntimeAndVersionPickRowsRankedAmongThemselves()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document().WithRatio("wasmtime", 1.5));
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("newer").WithRatio("wasmtime", 1.2).Edit(d => d with
        {
            Runtimes = [.. d.Runtimes.Select(r => r.Id == "wasmtime" ? r with { Version = "31.0.0" } : r)],
        }));

        var wasmtime = await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?runtime=wasmtime");
        var old = await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?runtime=wasmtime&version=30.0.0");

        Assert.Equal([("31.0.0", 1), ("30.0.0", 2)], wasmtime.Rows.Select(r => (r.Version, r.Rank)));
        Assert.Equal([("30.0.0", 1)], old.Rows.Select(r => (r.Version, r.Rank)));
        Assert.Equal(1.5, old.Rows[0].Value, 1e-9);
        Assert.Equal(("wasmtime", "30.0.0"), (old.Runtime, old.Version));
    }

    [Fact]
    public async Task CategoryAndWorkloadRankByTheirOwnFigure()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document()
            .WithRatio("wasmtime", 1.5)
            .WithWorkloadRatio("wasmtime", "fib", 1.1)
            .WithMemoryRatio("wasmtime", 1.7));

        var category = await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?category=compute");
        var metric = await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?metric=category:compute");
        var fib = await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?workload=fib");
        var interp = await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?workload=interp&metric=speed");
        var memory = await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?workload=fib&metric=memory");

        Assert.Equal(("category:compute", "compute", null), (category.Metric, category.Category, category.Workload));
        Assert.Equal(Wasmtime(metric).Value, Wasmtime(category).Value);
        Assert.Equal(("execution", "fib"), (fib.Metric, fib.Workload));
        Assert.Equal(1.1, Wasmtime(fib).Value, 1e-9);
        Assert.Equal("1.10× native", Wasmtime(fib).ValueText);
        Assert.Equal(1.5, Wasmtime(interp).Value, 1e-9);
        Assert.Equal(("memory", 1.7), (memory.Metric, Math.Round(Wasmtime(memory).Value, 9)));
    }

    [Theory]
    [InlineData("category=compute&workload=fib", "workload")]
    [InlineData("category=startup", "category")]
    [InlineData("category=compute&metric=startup", "category")]
    [InlineData("workload=nothing", "workload")]
    [InlineData("workload=fib&metric=instance-start", "workload")]
    [InlineData("architecture=X86_64", "architecture")]
    [InlineData("virtualisation=k%20vm", "virtualisation")]
    [InlineData("runtime=Wasm%20time", "runtime")]
    [InlineData("version=1.0%0A", "version")]
    public async Task AnInvalidFilterIsAValidationProblemNamingIt(string query, string field)
    {
        using var response = await Client.GetAsync($"/api/v1/leaderboard?{query}");

        Assert.Equal([field], (await response.AssertValidationProblemAsync()).Keys);
    }

    [Fact]
    public async Task TheLeaderboardHasAStrongETagAndCacheControlAndAnswersNotModified()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document());

        using var first = await Client.GetAsync("/api/v1/leaderboard?workload=fib");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/leaderboard?workload=fib");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await Client.SendAsync(request);
        using var other = await Client.GetAsync("/api/v1/leaderboard?workload=interp");

        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Equal("public, max-age=30, stale-while-revalidate=300", first.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal("public, max-age=30, stale-while-revalidate=300", second.Headers.CacheControl?.ToString());
        Assert.NotEqual(first.Headers.ETag, other.Headers.ETag);
    }

    private static LeaderboardRowResponse Wasmtime(LeaderboardResponse board) => board.Rows.Single(r => r.Runtime == "wasmtime");

    private static ResultDocumentBuilder Virtual(ResultDocumentBuilder builder, string hypervisor) =>
        builder.Edit(d => d with { Machine = d.Machine with { Cpu = d.Machine.Cpu with { Virtualization = hypervisor } } });
}
