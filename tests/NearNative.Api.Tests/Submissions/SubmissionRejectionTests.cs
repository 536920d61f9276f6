using System.Net;
using System.Net.Http.Json;
using System.Text;
using NearNative.Api.Keys;
using NearNative.Api.Submissions;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Results;
using NearNative.Domain.Signing;

namespace NearNative.Api.Tests.Submissions;

/// <summary>Every way a submission is refused, and that a refusal stores nothing.</summary>
[Collection(OnPostgres.Name)]
public sealed class SubmissionRejectionTests(PostgresFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task ASignatureByAnotherKeyIsUnauthorized()
    {
        var key = await Client.RegisterNewKeyAsync();
        var other = await Client.RegisterNewKeyAsync();
        var bytes = ResultJson.Serialize(key.Document().Build());
        var envelope = new SignedEnvelope(Convert.ToBase64String(bytes), Convert.ToBase64String(Ed25519Keys.SignResult(other, bytes)));

        using var response = await Client.SubmitAsync(envelope);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task ASignatureOverOtherBytesIsUnauthorized()
    {
        var key = await Client.RegisterNewKeyAsync();
        var signed = SigningHelpers.CreateSignedEnvelope(key, key.Document().Build());
        var tampered = SigningHelpers.CreateSignedEnvelope(key, key.Document().WithRatio("wasmtime", 1.01).Build());

        using var response = await Client.SubmitAsync(signed with { Document = tampered.Document });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task AMissingSignatureIsAValidationProblem()
    {
        var key = await Client.RegisterNewKeyAsync();
        var envelope = SigningHelpers.CreateSignedEnvelope(key, key.Document().Build());

        using var response = await Client.PostAsJsonAsync("/api/v1/submissions", new { document = envelope.Document });

        var errors = await response.AssertValidationProblemAsync();
        Assert.Equal(["signature"], errors.Keys);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task InvalidBase64IsAValidationProblemPerField()
    {
        using var response = await Client.SubmitAsync(new SignedEnvelope("%%%", "not-a-signature"));

        var errors = await response.AssertValidationProblemAsync();
        Assert.Equal(["document", "signature"], errors.Keys.Order());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task AnUnregisteredKeyIsUnauthorized()
    {
        var key = SigningHelpers.CreateKey();

        using var response = await Client.SubmitAsync(key, key.Document().Build());

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("not a registered key", problem.Detail, StringComparison.Ordinal);
        await AssertNothingStoredAsync(keys: 0);
    }

    [Fact]
    public async Task ARevokedKeysLaterSubmissionsAreForbidden()
    {
        var key = await Client.RegisterNewKeyAsync();
        using var before = await Client.SubmitAsync(key, key.Document().Build());
        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        using var revoke = await Client.PostAsJsonAsync(
            $"/api/v1/keys/{Ed25519Keys.KeyIdOf(key)}/revoke", new RevokeKeyRequest(Convert.ToBase64String(Ed25519Keys.SignKeyRevocation(key))));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        using var after = await Client.SubmitAsync(key, key.Document().Build());

        var problem = await after.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("revoked", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(1, (await Fixture.CountRowsAsync()).Submissions);
    }

    [Fact]
    public async Task MalformedJsonIsABadRequestProblem()
    {
        using var content = new StringContent("{\"document\": ", Encoding.UTF8, "application/json");

        using var response = await Client.PostAsync("/api/v1/submissions", content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        await AssertNothingStoredAsync(keys: 0);
    }

    [Fact]
    public async Task BytesThatAreNotAResultDocumentAreAValidationProblem()
    {
        var key = await Client.RegisterNewKeyAsync();
        var bytes = Encoding.UTF8.GetBytes("{\"schema\":\"nearnative.result/1\"}");

        using var response = await Client.SubmitAsync(EnvelopeSigner.Sign(key, bytes));

        var errors = await response.AssertValidationProblemAsync();
        Assert.Equal(["document"], errors.Keys);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task DocumentsCarryingTheirOwnFiguresAreRefused()
    {
        // The server recomputes every figure; a document that brings a ratio of its own is not a result document.
        var key = await Client.RegisterNewKeyAsync();
        var json = Encoding.UTF8.GetString(ResultJson.Serialize(key.Document().Build()));
        var bytes = Encoding.UTF8.GetBytes(json.Insert(1, "\"execution\":0.5,"));

        using var response = await Client.SubmitAsync(EnvelopeSigner.Sign(key, bytes));

        var errors = await response.AssertValidationProblemAsync();
        Assert.Equal(["document"], errors.Keys);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task InvalidFieldsAreReportedByTheirJsonPath()
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().WithNonce("short").Edit(d => d with
        {
            Suite = d.Suite with { Size = "medium" },
            Samples = [.. d.Samples.Select((s, i) => i == 3 ? s with { Runtime = "ghost" } : i == 5 ? s with { WallNs = -1 } : s)],
            Runtimes = [.. d.Runtimes.Select(r => r.Id == "wasmer" ? r with { Name = "wasmer\u0007" } : r)],
        }).Build();

        using var response = await Client.SubmitAsync(key, document);

        var errors = await response.AssertValidationProblemAsync();
        Assert.Contains("nonce", errors.Keys);
        Assert.Contains("suite.size", errors.Keys);
        Assert.Contains("samples[3].runtime", errors.Keys);
        Assert.Contains("samples[5].wallNs", errors.Keys);
        Assert.Contains("runtimes[2].name", errors.Keys);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task RuntimesMustIncludeExactlyOneNativeBaseline()
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().Edit(d => d with
        {
            Runtimes = [.. d.Runtimes.Where(r => !r.IsNative)],
            Samples = [.. d.Samples.Where(s => s.Runtime != RuntimeInfo.NativeId)],
        }).Build();

        using var response = await Client.SubmitAsync(key, document);

        var errors = await response.AssertValidationProblemAsync();
        Assert.Contains("runtimes", errors.Keys);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task AnUnknownSuiteAndAFutureCreationTimeAreRefused()
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().Edit(d => d with
        {
            Suite = d.Suite with { Id = "std-1999.1" },
            CreatedAt = DateTimeOffset.UtcNow.AddHours(1),
        }).Build();

        using var response = await Client.SubmitAsync(key, document);

        var errors = await response.AssertValidationProblemAsync();
        Assert.Contains("suite.id", errors.Keys);
        Assert.Contains("createdAt", errors.Keys);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task ABodyOverOneMebibyteIsTooLarge()
    {
        var envelope = new SignedEnvelope(Convert.ToBase64String(new byte[DocumentLimits.MaxBodyBytes]), Convert.ToBase64String(new byte[64]));

        using var response = await Client.SubmitAsync(envelope);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await AssertNothingStoredAsync();
    }

    private async Task AssertNothingStoredAsync(int? keys = null)
    {
        var counts = await Fixture.CountRowsAsync();
        Assert.Equal((0, 0, 0), (counts.Submissions, counts.Runtimes, counts.Workloads));
        if (keys is { } expected)
        {
            Assert.Equal(expected, counts.Keys);
        }
    }
}
