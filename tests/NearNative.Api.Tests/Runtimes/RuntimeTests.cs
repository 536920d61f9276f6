using System.Net;
using NearNative.Api.Runtimes;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;

namespace NearNative.Api.Tests.Runtimes;

/// <summary>wasmtime 30.0.0 at 1.5× on two machines, then 31.0.0 at 1.2× on one; wasmer 5.0.0 at 2× throughout.</summary>
public abstract class RuntimeTests(ApiFixture fixture) : IAsyncLifetime
{
    private readonly HttpClient _client = fixture.CreateClient();

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        var key = await _client.RegisterNewKeyAsync();
        await _client.SubmitCreatedAsync(key, key.Document().WithRatio("wasmtime", 1.5));
        await _client.SubmitCreatedAsync(key, key.Document().OnMachine("two").WithRatio("wasmtime", 1.5).Noisy());
        await _client.SubmitCreatedAsync(key, key.Document().OnMachine("two").WithRatio("wasmtime", 1.5));
        await _client.SubmitCreatedAsync(key, key.Document().OnMachine("three").WithRatio("wasmtime", 1.2).WithStartupRatio("wasmtime", 8).Edit(d => d with
        {
            Runtimes = [.. d.Runtimes.Select(r => r.Id == "wasmtime" ? r with { Version = "31.0.0" } : r)],
        }));
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheListNamesEachRuntimeWithItsNewestVersionAndCounts()
    {
        var list = await _client.GetOkAsync<RuntimesResponse>("/api/v1/runtimes");

        Assert.Equal(["wasmer", "wasmtime"], list.Runtimes.Select(r => r.Runtime));
        var wasmtime = list.Runtimes[1];
        Assert.Equal(("31.0.0", 2, 3, 4), (wasmtime.NewestVersion, wasmtime.Versions, wasmtime.Machines, wasmtime.Submissions));
        Assert.True(wasmtime.FirstReceivedAt < wasmtime.LastReceivedAt);
    }

    [Fact]
    public async Task ARuntimeListsItsVersionsOverTimeWithTheirFigures()
    {
        var runtime = await _client.GetOkAsync<RuntimeDetailResponse>("/api/v1/runtimes/wasmtime");

        Assert.Equal(("wasmtime", "wasmtime", "default"), (runtime.Runtime, runtime.Name, runtime.Configuration));
        Assert.Equal(["30.0.0", "31.0.0"], runtime.Versions.Select(v => v.Version));
        var (old, current) = (runtime.Versions[0], runtime.Versions[1]);
        Assert.Equal((2, 3, 1), (old.Machines, old.Submissions, old.NoisySubmissions));
        Assert.True(old.FirstReceivedAt < current.FirstReceivedAt);
        Assert.Equal(1.5, old.Figures["execution"].Value, 1e-9);
        Assert.Equal((2, 2), (old.Figures["execution"].Machines, old.Figures["execution"].Submissions));
        Assert.Equal(1.2, current.Figures["execution"].Value, 1e-9);
        Assert.Equal("1.20× native", current.Figures["execution"].ValueText);
        Assert.Equal(8, current.Figures["startup-ratio"].Value, 1e-9);
        Assert.Equal("ms", current.Figures["startup"].Unit);
        Assert.Contains("category:compute", current.Figures.Keys);
    }

    [Fact]
    public async Task AnotherArchitectureHasItsOwnVersionEntryAndItsFilterReadsOnlyItsCells()
    {
        var key = await _client.RegisterNewKeyAsync();
        await _client.SubmitCreatedAsync(key, key.Document().OnMachine("arm").WithArchitecture("aarch64").WithRatio("wasmtime", 3).Edit(d => d with
        {
            Runtimes = [.. d.Runtimes.Select(r => r.Id == "wasmtime" ? r with { Version = "31.0.0" } : r)],
        }));

        var all = await _client.GetOkAsync<RuntimeDetailResponse>("/api/v1/runtimes/wasmtime");
        var arm = await _client.GetOkAsync<RuntimeDetailResponse>("/api/v1/runtimes/wasmtime?architecture=aarch64");
        var board = await _client.GetOkAsync<Api.Leaderboard.LeaderboardResponse>("/api/v1/leaderboard?architecture=aarch64&virtualisation=none&runtime=wasmtime");

        Assert.Equal(
            [("30.0.0", "x86_64", 1.5), ("31.0.0", "x86_64", 1.2), ("31.0.0", "aarch64", 3.0)],
            all.Versions.Select(v => (v.Version, v.Architecture, Math.Round(v.Figures["execution"].Value, 9))));
        Assert.Equal([("31.0.0", "aarch64", 1)], arm.Versions.Select(v => (v.Version, v.Architecture, v.Machines)));
        Assert.Equal([("31.0.0", "aarch64", 3.0)], board.Rows.Select(r => (r.Version, r.Architecture, Math.Round(r.Value, 9))));
    }

    [Fact]
    public async Task AnUnknownRuntimeIsNotFoundAndBadParametersAreValidationProblems()
    {
        using var unknown = await _client.GetAsync("/api/v1/runtimes/nothing");
        using var badId = await _client.GetAsync("/api/v1/runtimes/Not%20A%20Slug");
        using var badQuery = await _client.GetAsync("/api/v1/runtimes?size=huge&architecture=X86");

        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(["id"], (await badId.AssertValidationProblemAsync()).Keys);
        Assert.Equal(["architecture", "size"], (await badQuery.AssertValidationProblemAsync()).Keys.Order(StringComparer.Ordinal));
    }
}

[Collection(OnPostgres.Name)]
public sealed class PostgresRuntimeTests(PostgresFixture fixture) : RuntimeTests(fixture);

[Collection(OnSqlite.Name)]
public sealed class SqliteRuntimeTests(SqliteFixture fixture) : RuntimeTests(fixture);
