using System.Net;
using System.Text.Json;
using NearNative.Agent.Submission;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Results;
using NearNative.Domain.Signing;

namespace NearNative.Agent.Tests.Submission;

public sealed class SubmitCommandTests
{
    private const string Server = "http://nearnative.test/";

    private static HttpSettings Fast(StubServer stub) => new(TimeSpan.FromMilliseconds(10), stub.CreateHandler);

    [Fact]
    public async Task ATransientServerErrorIsRetriedUntilTheSubmissionIsStored()
    {
        using var home = new TempDirectory();
        var file = SampleDocuments.WriteTo(home.Path);
        var keyId = (await CliRun.InvokeAsync(home.Path, "keys", "init")).Out.Trim();
        var stub = new StubServer()
            .Then(HttpStatusCode.ServiceUnavailable)
            .Then(HttpStatusCode.Created, """{"id":"from-server"}""");

        var result = await CliRun.InvokeAsync(home.Path, Fast(stub), "submit", file, "--server", Server);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(["from-server", Server + "api/v1/submissions/from-server"], result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, stub.Requests.Count);
        Assert.Single(stub.Requests.Select(r => r.Body).Distinct());
        Assert.All(stub.Requests, r => Assert.Equal(new Uri(Server + "api/v1/submissions"), r.Uri));

        var envelope = JsonSerializer.Deserialize<SignedEnvelope>(stub.Requests.First().Body, JsonSerializerOptions.Web)!;
        var bytes = Convert.FromBase64String(envelope.Document);
        Assert.Equal(keyId, ResultJson.Deserialize(bytes).KeyId);
        using var key = new KeyStore(home.Path).Load();
        Assert.True(Ed25519Keys.VerifyResult(Ed25519Keys.RawPublicKey(key), bytes, Convert.FromBase64String(envelope.Signature)));
    }

    [Fact]
    public async Task AnOutageLongerThanAFewRetriesIsWaitedOutAndTheSameBytesStoredOnce()
    {
        using var home = new TempDirectory();
        var file = SampleDocuments.WriteTo(home.Path);
        await CliRun.InvokeAsync(home.Path, "keys", "init");
        var stub = new StubServer();
        foreach (var _ in Enumerable.Range(0, RetryDelays.MaxRetries - 1))
        {
            stub.Then(HttpStatusCode.ServiceUnavailable, """{"title":"Service Unavailable","status":503}""");
        }

        stub.Then(HttpStatusCode.Created, """{"id":"from-server"}""");

        var result = await CliRun.InvokeAsync(home.Path, Fast(stub), "submit", file, "--server", Server);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(RetryDelays.MaxRetries, stub.Requests.Count);
        Assert.Single(stub.Requests.Select(r => r.Body).Distinct());
    }

    [Fact]
    public async Task SubmittingSignsTheRunsNonceWithTheCurrentTime()
    {
        using var home = new TempDirectory();
        var file = SampleDocuments.WriteTo(home.Path);
        await CliRun.InvokeAsync(home.Path, "keys", "init");
        var stub = new StubServer().Then(HttpStatusCode.Created, "{}");
        var before = DateTimeOffset.UtcNow;

        var result = await CliRun.InvokeAsync(home.Path, Fast(stub), "submit", file, "--server", Server);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var signed = SignedDocument(stub.Requests.Single().Body);
        Assert.Equal(SampleDocuments.Unsigned().Nonce, signed.Nonce);
        Assert.InRange(signed.CreatedAt, before, DateTimeOffset.UtcNow);
        Assert.NotEqual(SampleDocuments.Unsigned().CreatedAt, signed.CreatedAt);
    }

    [Fact]
    public async Task SubmittingTheSameFileTwiceKeepsItsNonceAndReportsTheStoredSubmission()
    {
        using var home = new TempDirectory();
        var file = SampleDocuments.WriteTo(home.Path);
        await CliRun.InvokeAsync(home.Path, "keys", "init");
        var storedId = new string('5', 64);
        var stub = new StubServer()
            .Then(HttpStatusCode.Created, $$"""{"id":"{{storedId}}"}""")
            .Then(HttpStatusCode.Conflict, $$"""{"title":"Conflict","status":409,"detail":"stored as {{storedId}}","submissionId":"{{storedId}}"}""");

        var first = await CliRun.InvokeAsync(home.Path, Fast(stub), "submit", file, "--server", Server);
        var second = await CliRun.InvokeAsync(home.Path, Fast(stub), "submit", file, "--server", Server);

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (first.ExitCode, second.ExitCode));
        Assert.Single(stub.Requests.Select(r => SignedDocument(r.Body).Nonce).Distinct());
        Assert.Equal([storedId, Server + "api/v1/submissions/" + storedId], second.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("already", second.Error, StringComparison.Ordinal);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task AConflictThatNamesNoSubmissionIsARefusal()
    {
        using var home = new TempDirectory();
        var file = SampleDocuments.WriteTo(home.Path);
        await CliRun.InvokeAsync(home.Path, "keys", "init");
        var stub = new StubServer().Then(HttpStatusCode.Conflict, """{"title":"Conflict","detail":"something else"}""");

        var result = await CliRun.InvokeAsync(home.Path, Fast(stub), "submit", file, "--server", Server);

        Assert.Equal(ExitCodes.SubmissionRefused, result.ExitCode);
        Assert.Contains("something else", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusalIsFinalAndShowsTheProblemInOneLine()
    {
        using var home = new TempDirectory();
        var file = SampleDocuments.WriteTo(home.Path);
        await CliRun.InvokeAsync(home.Path, "keys", "init");
        var stub = new StubServer().Then(
            HttpStatusCode.BadRequest,
            """{"title":"One or more validation errors occurred.","status":400,"errors":{"run.rounds":["must be at least 10"]}}""");

        var result = await CliRun.InvokeAsync(home.Path, Fast(stub), "submit", file, "--server", Server);

        Assert.Equal(ExitCodes.SubmissionRefused, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("validation errors", line, StringComparison.Ordinal);
        Assert.Contains("run.rounds: must be at least 10", line, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task ServerErrorsThatNeverEndFailAfterRetries()
    {
        using var home = new TempDirectory();
        var file = SampleDocuments.WriteTo(home.Path);
        await CliRun.InvokeAsync(home.Path, "keys", "init");
        var stub = new StubServer();

        var result = await CliRun.InvokeAsync(home.Path, Fast(stub), "submit", file, "--server", Server);

        Assert.Equal(ExitCodes.RuntimeError, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.True(stub.Requests.Count > 1);
    }

    [Fact]
    public async Task SubmittingWithoutAKeyIsAUsageError()
    {
        using var home = new TempDirectory();
        var file = SampleDocuments.WriteTo(home.Path);

        var result = await CliRun.InvokeAsync(home.Path, "submit", file, "--server", Server);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("keys init", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.json", null)]
    [InlineData("broken.json", "{ not json")]
    [InlineData("other.json", """{"hello":"world"}""")]
    public async Task AFileThatIsNotAResultDocumentIsAUsageError(string name, string? content)
    {
        using var home = new TempDirectory();
        await CliRun.InvokeAsync(home.Path, "keys", "init");
        if (content is not null)
        {
            await File.WriteAllTextAsync(home.File(name), content);
        }

        var result = await CliRun.InvokeAsync(home.Path, "submit", home.File(name), "--server", Server);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(name, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    private static ResultDocument SignedDocument(string envelopeJson) =>
        ResultJson.Deserialize(Convert.FromBase64String(JsonSerializer.Deserialize<SignedEnvelope>(envelopeJson, JsonSerializerOptions.Web)!.Document));
}
