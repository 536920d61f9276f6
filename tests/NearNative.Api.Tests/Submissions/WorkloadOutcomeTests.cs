using System.Net;
using System.Net.Http.Json;
using NearNative.Api.Submissions;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;

namespace NearNative.Api.Tests.Submissions;

[Collection(OnPostgres.Name)]
public sealed class WorkloadOutcomeTests(PostgresFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task AWrongChecksumLeavesThatWorkloadAndTheRuntimeWithoutARatio()
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().WithWrongOutput("wasmer", "sha256").Build();

        using var response = await Client.SubmitAsync(key, document);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var submission = (await response.Content.ReadFromJsonAsync<SubmissionResponse>())!;
        var wasmer = submission.Runtimes.Single(r => r.Slug == "wasmer");
        var sha256 = wasmer.Workloads.Single(w => w.Workload == "sha256");
        Assert.Equal("wrong-output", sha256.Status);
        Assert.Null(sha256.Ratio);
        Assert.Equal(10, sha256.WrongOutputs);
        Assert.Null(wasmer.Execution);
        Assert.Null(wasmer.Slowdown);
        Assert.False(wasmer.Complete);
        Assert.Equal(2.0, wasmer.Workloads.Single(w => w.Workload == "fib").Ratio!.Value, 1e-9);

        var wasmtime = submission.Runtimes.Single(r => r.Slug == "wasmtime");
        Assert.Equal(1.5, wasmtime.Execution!.Value, 1e-9);
    }

    [Fact]
    public async Task AnImplausibleRatioIsQuarantinedAndKeptOutOfTheLeaderboard()
    {
        var key = await Client.RegisterNewKeyAsync();

        using var response = await Client.SubmitAsync(key, key.Document().WithRatio("wasmer", 2000).Build());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var submission = (await response.Content.ReadFromJsonAsync<SubmissionResponse>())!;
        Assert.Equal("quarantined", submission.Status);
        Assert.Contains("wasmer", submission.QuarantineReason, StringComparison.Ordinal);
        Assert.Equal(1, (await Fixture.CountRowsAsync()).Submissions);

        using var leaderboard = await Client.GetAsync("/api/v1/leaderboard");
        var board = await leaderboard.Content.ReadFromJsonAsync<NearNative.Api.Leaderboard.LeaderboardResponse>();
        Assert.Empty(board!.Rows);
    }
}
