using System.Net;
using System.Xml.Linq;
using NearNative.Api.Leaderboard;
using NearNative.Api.Submissions;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;

namespace NearNative.Api.Tests.Leaderboard;

/// <summary>A run the agent marked noisy is stored, shown and counted, but no figure is computed from it.</summary>
public abstract class NoisySubmissionTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string IntelKey = "x86_64/genuineintel/intel-core-i7-9700k/6-158-12/none";
    private const double Tolerance = 1e-9;

    [Fact]
    public async Task NoisySubmissionsAreCountedButKeptOutOfEveryFigure()
    {
        // One quiet Intel machine at 1.5×; a busy Intel machine at 3× and a busy AMD machine at 4×, both noisy.
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("quiet").WithRatio("wasmtime", 1.5));
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("busy").WithRatio("wasmtime", 3).Noisy());
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("busy-amd").WithCpu("AuthenticAMD", "AMD Ryzen 9 5950X 16-Core Processor").WithRatio("wasmtime", 4).Noisy());

        var wasmtime = (await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?cells=true")).Rows.Single(r => r.Runtime == "wasmtime");
        var badge = XDocument.Parse(await Client.GetStringAsync("/badges/wasmtime.svg"));

        Assert.Equal(1.5, wasmtime.Value, Tolerance);
        Assert.Equal((1, 1, 1, 2), (wasmtime.Machines, wasmtime.Submissions, wasmtime.CpuKeys, wasmtime.NoisySubmissions));
        var cell = wasmtime.Cells!.Single();
        Assert.Equal((IntelKey, 1, 1), (cell.CpuKey, cell.Submissions, cell.NoisySubmissions));
        Assert.Equal(1.5, cell.Value, Tolerance);
        Assert.Equal("wasmtime: 1.50× native", badge.Root!.Element(XName.Get("title", "http://www.w3.org/2000/svg"))!.Value);

        // The CPU filter ranks on the quiet machines only too: the AMD key has nothing to rank.
        var amd = await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?cpu=x86_64/authenticamd/amd-ryzen-9-5950x/6-158-12/none");
        Assert.Empty(amd.Rows);
        Assert.Equal(["wasmer", "wasmtime"], amd.NoisyOnly!.Select(r => r.Runtime).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ARuntimeSeenOnlyOnNoisyRunsIsListedButNotRanked()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("quiet"));
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("busy").WithRuntime("wamr", "wamr", 1.1).Noisy());

        var board = await Client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard?metric=startup");
        using var badge = await Client.GetAsync("/badges/wamr.svg");

        Assert.DoesNotContain(board.Rows, r => r.Runtime == "wamr");
        Assert.Equal(new NoisyOnlyRowResponse("wamr", "wamr", "1.0.0", "default", "quick", "x86_64", 1, 1), board.NoisyOnly!.Single());
        Assert.Equal(HttpStatusCode.NotFound, badge.StatusCode);
    }

    [Fact]
    public async Task TheSubmissionEndpointShowsANoisySubmissionWithItsFigures()
    {
        var key = await Client.RegisterNewKeyAsync();
        var created = await Client.SubmitCreatedAsync(key, key.Document().WithRatio("wasmtime", 3).Noisy());

        var stored = await Client.GetOkAsync<SubmissionResponse>($"/api/v1/submissions/{created.Id}");

        Assert.Equal((true, "accepted"), (stored.Noisy, stored.Status));
        Assert.Equal(3, stored.Runtimes.Single(r => r.Slug == "wasmtime").Execution!.Value, Tolerance);
    }
}

[Collection(OnPostgres.Name)]
public sealed class PostgresNoisySubmissionTests(PostgresFixture fixture) : NoisySubmissionTests(fixture);

[Collection(OnSqlite.Name)]
public sealed class SqliteNoisySubmissionTests(SqliteFixture fixture) : NoisySubmissionTests(fixture);
