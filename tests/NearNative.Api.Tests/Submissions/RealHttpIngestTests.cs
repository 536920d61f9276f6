using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Api.Leaderboard;
using NearNative.Api.Submissions;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Signing;

namespace NearNative.Api.Tests.Submissions;

/// <summary>What only a real server shows: concurrent connections racing to store, and bodies sent in chunks.</summary>
[Collection(OnPostgresOverHttp.Name)]
public sealed class RealHttpIngestTests(PostgresOverHttpFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task TheClientTalksToKestrelOverLoopback()
    {
        Assert.Equal(IPAddress.Loopback.ToString(), Client.BaseAddress?.Host);
        Assert.NotEqual(80, Client.BaseAddress?.Port);
        using var response = await Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheSameSignedBodyPostedTwentyTimesAtOnceStoresOneRow()
    {
        var key = await Client.RegisterNewKeyAsync();
        var body = JsonSerializer.SerializeToUtf8Bytes(SigningHelpers.CreateSignedEnvelope(key, key.Document().Build()), JsonSerializerOptions.Web);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await Client.PostAsync("/api/v1/submissions", content);
            return (response.StatusCode, (await response.Content.ReadFromJsonAsync<SubmissionResponse>())?.Id);
        }));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Single(responses.Select(r => r.Id).Distinct());
        var counts = await Fixture.CountRowsAsync();
        Assert.Equal(1, counts.Submissions);
        Assert.Equal(2, counts.Runtimes);
        var cell = await ExecutionCellsAsync();
        Assert.Equal([(1, 1)], cell.Select(c => (c.Machines, c.Submissions)));
    }

    [Fact]
    public async Task TheSameNonceWithOtherBytesOnTenCpusAtOnceStoresOneRowAndAnswersTheRestWithItsId()
    {
        // Each document is for another CPU key, so each holds another cell group's lock: only the unique index on
        // key and nonce can decide the race.
        var key = await Client.RegisterNewKeyAsync();
        var bodies = Enumerable.Range(0, 10).Select(i => JsonSerializer.SerializeToUtf8Bytes(
            SigningHelpers.CreateSignedEnvelope(key, key.Document()
                .WithNonce("run-raced-0123456789")
                .WithCpu("GenuineIntel", $"Intel(R) Xeon(R) Gold {6200 + i} CPU @ 2.50GHz")
                .Build()),
            JsonSerializerOptions.Web)).ToList();

        var responses = await Task.WhenAll(bodies.Select(async body =>
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await Client.PostAsync("/api/v1/submissions", content);
            return response.StatusCode == HttpStatusCode.Created
                ? (response.StatusCode, (await response.Content.ReadFromJsonAsync<SubmissionResponse>())!.Id)
                : (response.StatusCode, (await response.AssertProblemAsync(HttpStatusCode.Conflict)).Extensions["submissionId"]?.ToString());
        }));

        var stored = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created).Item2;
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict && r.Item2 == stored));
        Assert.Equal(1, (await Fixture.CountRowsAsync()).Submissions);
        Assert.Equal([(1, 1)], (await ExecutionCellsAsync()).Select(c => (c.Machines, c.Submissions)));
    }

    [Fact]
    public async Task AnAdministratorsEndpointRefusesAChunkedBodyWithoutTheTokenBeforeReadingIt()
    {
        // Over the cap as well: unauthenticated, the answer is 401, not the 413 that reading it would give.
        var padded = Encoding.UTF8.GetBytes($$"""{"reason":"{{new string('x', 40 * 1024)}}"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/submissions/{new string('0', 64)}/quarantine")
        {
            Content = new ChunkedContent(padded),
            Headers = { TransferEncodingChunked = true },
        };

        using var response = await Client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AChunkedSubmissionOverTheCapIsRefusedWith413AndStoresNothing()
    {
        var key = await Client.RegisterNewKeyAsync();
        var huge = new SignedEnvelope(Convert.ToBase64String(new byte[3 * 1024 * 1024]), Convert.ToBase64String(new byte[Ed25519Keys.SignatureLength]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/submissions")
        {
            Content = new ChunkedContent(JsonSerializer.SerializeToUtf8Bytes(huge, JsonSerializerOptions.Web)),
            Headers = { TransferEncodingChunked = true },
        };

        using var response = await Client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal((1, 0), ((await Fixture.CountRowsAsync()).Keys, (await Fixture.CountRowsAsync()).Submissions));
    }

    [Fact]
    public async Task AChunkedSubmissionUnderTheCapIsStored()
    {
        var key = await Client.RegisterNewKeyAsync();
        var body = JsonSerializer.SerializeToUtf8Bytes(SigningHelpers.CreateSignedEnvelope(key, key.Document().Build()), JsonSerializerOptions.Web);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/submissions")
        {
            Content = new ChunkedContent(body),
            Headers = { TransferEncodingChunked = true },
        };

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, (await Fixture.CountRowsAsync()).Submissions);
    }

    [Fact]
    public async Task AChunkedKeyRegistrationOverItsCapIsRefusedWith413()
    {
        var padded = Encoding.UTF8.GetBytes($$"""{"publicKey":"{{new string('A', 40 * 1024)}}","proof":"x"}""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/keys")
        {
            Content = new ChunkedContent(padded),
            Headers = { TransferEncodingChunked = true },
        };

        using var response = await Client.SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, (await Fixture.CountRowsAsync()).Keys);
    }

    private Task<List<LeaderboardCell>> ExecutionCellsAsync() => Fixture.WithDatabaseAsync(db => db.LeaderboardCells.AsNoTracking()
        .Where(c => c.Metric == LeaderboardMetric.Execution.Id && c.RuntimeSlug == "wasmtime")
        .ToListAsync());
}
