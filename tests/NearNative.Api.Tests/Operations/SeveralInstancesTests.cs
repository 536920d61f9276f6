using System.Net;
using System.Net.Http.Json;
using NearNative.Api.Leaderboard;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;

namespace NearNative.Api.Tests.Operations;

/// <summary>
/// Two API processes against one PostgreSQL database and one Redis, as several instances run behind a load
/// balancer: what one stores or counts, the other serves or counts at once.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SeveralInstancesTests
{
    [Fact]
    public async Task ASubmissionThroughOneInstanceIsServedByTheOtherAtOnce()
    {
        await using var database = await ScratchDatabase.CreateAsync();
        var settings = Shared(database);
        await using var instances = await TwoInstances.StartAsync(settings);
        var (one, other) = (instances.One, instances.Other);

        // Both instances have answered the empty leaderboard (cached) and looked up the unmeasured runtime's badge
        // (which reads the list of known runtimes) before the submission.
        foreach (var instance in new[] { one, other })
        {
            Assert.Empty((await instance.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard")).Rows);
            using var unknown = await instance.GetAsync("/badges/wasmtime.json");
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        var key = await one.RegisterNewKeyAsync();
        var submission = await one.SubmitCreatedAsync(key, key.Document().OnMachine("a").WithRatio("wasmtime", 1.5));

        var first = await AnswersAsync(other);
        Assert.Equal((1, "1.50× native"), (first.WasmtimeSubmissions, first.Badge.Message));
        Assert.Equal(first, await AnswersAsync(one));
        using var stored = await other.GetAsync($"/api/v1/submissions/{submission.Id}");
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);

        // Now both have the answers cached; a second machine through the other instance changes the cell, and the
        // eviction of its tags reaches the first instance's cached leaderboard and badges alike.
        await other.SubmitCreatedAsync(key, key.Document().OnMachine("b").WithRatio("wasmtime", 2.5));

        var second = await AnswersAsync(one);
        Assert.Equal((2, "2.00× native"), (second.WasmtimeSubmissions, second.Badge.Message));
        Assert.Equal(second, await AnswersAsync(other));
    }

    [Fact]
    public async Task TheAddressLimitIsCountedOnceAcrossInstances()
    {
        await using var database = await ScratchDatabase.CreateAsync();
        var settings = Shared(database);
        settings["RateLimiting:PermitLimit"] = "4";
        await using var instances = await TwoInstances.StartAsync(settings);
        var (one, other) = (instances.One, instances.Other);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            // Invalid bodies: the address limit counts before anything is read.
            using var response = await (i % 2 == 0 ? one : other).PostAsJsonAsync("/api/v1/keys", new { });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest,
             HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            statuses);
    }

    [Fact]
    public async Task TheKeyQuotaIsCountedOnceAcrossInstances()
    {
        await using var database = await ScratchDatabase.CreateAsync();
        var settings = Shared(database);
        settings["RateLimiting:KeyPermitLimit"] = "3";
        await using var instances = await TwoInstances.StartAsync(settings);
        var (one, other) = (instances.One, instances.Other);
        var key = await one.RegisterNewKeyAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await (i % 2 == 0 ? one : other).SubmitAsync(key, key.Document().Build());
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }

    /// <summary>What a reader sees of wasmtime on one instance: its leaderboard row's submissions, its JSON badge, its SVG badge.</summary>
    private static async Task<Answers> AnswersAsync(HttpClient instance)
    {
        var board = await instance.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard");
        using var json = await instance.GetAsync("/badges/wasmtime.json");
        return new Answers(
            Assert.Single(board.Rows, r => r.Runtime == "wasmtime").Submissions,
            await json.ReadBadgeAsync(),
            await instance.GetStringAsync("/badges/wasmtime.svg"));
    }

    private sealed record Answers(int WasmtimeSubmissions, (string? Label, string? Message, string? Color) Badge, string Svg);

    private static Dictionary<string, string?> Shared(ScratchDatabase database) => new()
    {
        ["ConnectionStrings:Postgres"] = database.ConnectionString,
        ["ConnectionStrings:Redis"] = TestRedis.ConnectionString,
        ["Redis:KeyPrefix"] = TestRedis.NewKeyPrefix(),
    };

    /// <summary>Two processes started at once; the second leaves the migrations to the first, as a deployment does.</summary>
    private sealed class TwoInstances(ApiProcess first, ApiProcess second) : IAsyncDisposable
    {
        public HttpClient One { get; } = first.CreateClient();

        public HttpClient Other { get; } = second.CreateClient();

        public static async Task<TwoInstances> StartAsync(Dictionary<string, string?> settings)
        {
            var first = ApiProcess.StartAsync(settings);
            var second = ApiProcess.StartAsync(new Dictionary<string, string?>(settings) { ["Database:MigrateOnStartup"] = "false" });
            try
            {
                await Task.WhenAll(first, second);
            }
            catch
            {
                foreach (var started in new[] { first, second }.Where(t => t.IsCompletedSuccessfully))
                {
                    await started.Result.DisposeAsync();
                }

                throw;
            }

            return new TwoInstances(first.Result, second.Result);
        }

        public async ValueTask DisposeAsync()
        {
            One.Dispose();
            Other.Dispose();
            await first.DisposeAsync();
            await second.DisposeAsync();
        }
    }
}
