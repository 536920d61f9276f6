using System.Net;
using System.Net.Http.Json;
using NearNative.Api.Submissions;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;

namespace NearNative.Api.Tests.Submissions;

/// <summary>A nonce names one run of one key, and a signed document is accepted only while it is fresh.</summary>
public abstract class ReplayTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task TheSameNonceWithOtherBytesIsAConflictNamingTheStoredSubmission()
    {
        var key = await Client.RegisterNewKeyAsync();
        var stored = await Client.SubmitCreatedAsync(key, key.Document().WithNonce("run-0123456789abcdef"));

        using var response = await Client.SubmitAsync(key, key.Document().WithNonce("run-0123456789abcdef").WithRatio("wasmtime", 1.25).Build());

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(stored.Id, problem.Detail, StringComparison.Ordinal);
        Assert.Equal(stored.Id, problem.Extensions["submissionId"]?.ToString());
        Assert.Equal(1, (await Fixture.CountRowsAsync()).Submissions);
    }

    [Fact]
    public async Task AnotherKeyMayUseTheSameNonce()
    {
        var key = await Client.RegisterNewKeyAsync();
        var other = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document().WithNonce("run-0123456789abcdef"));

        await Client.SubmitCreatedAsync(other, other.Document().WithNonce("run-0123456789abcdef"));

        Assert.Equal(2, (await Fixture.CountRowsAsync()).Submissions);
    }

    [Fact]
    public async Task ADocumentSignedLongerAgoThanTheWindowIsRefusedWithHowToSignAgain()
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().Edit(d => d with { CreatedAt = DateTimeOffset.UtcNow.AddDays(-400) }).Build();

        using var response = await Client.SubmitAsync(key, document);

        var errors = await response.AssertValidationProblemAsync();
        var message = Assert.Single(errors["createdAt"]);
        Assert.Contains("400 days ago", message, StringComparison.Ordinal);
        Assert.Contains("last 7 days", message, StringComparison.Ordinal);
        Assert.Contains("`nearnative submit FILE`", message, StringComparison.Ordinal);
        Assert.Equal(0, (await Fixture.CountRowsAsync()).Submissions);
    }

    [Fact]
    public async Task ADocumentDatedTooFarAheadIsRefusedWithHowToSignAgain()
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().Edit(d => d with { CreatedAt = DateTimeOffset.UtcNow.AddHours(3).AddMinutes(1) }).Build();

        using var response = await Client.SubmitAsync(key, document);

        var message = Assert.Single((await response.AssertValidationProblemAsync())["createdAt"]);
        Assert.Contains("3 hours ahead", message, StringComparison.Ordinal);
        Assert.Contains("at most 10 minutes", message, StringComparison.Ordinal);
        Assert.Contains("clock", message, StringComparison.Ordinal);
        Assert.Contains("`nearnative submit FILE`", message, StringComparison.Ordinal);
        Assert.Equal(0, (await Fixture.CountRowsAsync()).Submissions);
    }

    [Fact]
    public async Task ADocumentInsideTheWindowIsAccepted()
    {
        var key = await Client.RegisterNewKeyAsync();

        await Client.SubmitCreatedAsync(key, key.Document().Edit(d => d with { CreatedAt = DateTimeOffset.UtcNow.AddDays(-6).AddHours(-23) }));
        await Client.SubmitCreatedAsync(key, key.Document().Edit(d => d with { CreatedAt = DateTimeOffset.UtcNow.AddMinutes(9) }));

        Assert.Equal(2, (await Fixture.CountRowsAsync()).Submissions);
    }

    [Fact]
    public async Task TheWindowComesFromConfiguration()
    {
        using var strict = Fixture.Factory.WithWebHostBuilder(host => host.UseSetting("Submissions:SigningWindow:MaxAge", "01:00:00"));
        using var client = strict.CreateClient();
        var key = await client.RegisterNewKeyAsync();

        using var response = await client.SubmitAsync(key, key.Document().Edit(d => d with { CreatedAt = DateTimeOffset.UtcNow.AddHours(-2) }).Build());

        Assert.Contains("last 1 hour", Assert.Single((await response.AssertValidationProblemAsync())["createdAt"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameBytesAgainAreTheStoredSubmission()
    {
        var key = await Client.RegisterNewKeyAsync();
        var envelope = SigningHelpers.CreateSignedEnvelope(key, key.Document().Build());
        using var first = await Client.SubmitAsync(envelope);

        using var again = await Client.SubmitAsync(envelope);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<SubmissionResponse>())!.Id,
            (await again.Content.ReadFromJsonAsync<SubmissionResponse>())!.Id);
        Assert.Equal(1, (await Fixture.CountRowsAsync()).Submissions);
    }
}

[Collection(OnPostgres.Name)]
public sealed class PostgresReplayTests(PostgresFixture fixture) : ReplayTests(fixture);

[Collection(OnSqlite.Name)]
public sealed class SqliteReplayTests(SqliteFixture fixture) : ReplayTests(fixture);
