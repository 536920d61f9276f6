using System.Net;
using System.Text;
using System.Text.Json;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Results;
using NearNative.Domain.Signing;

namespace NearNative.Api.Tests.Infrastructure;

/// <summary>Every request body is read strictly: no field twice, no field the request does not have, no body over its cap.</summary>
[Collection(OnPostgres.Name)]
public sealed class StrictBodyTests(PostgresFixture fixture) : ApiTest(fixture)
{
    private const string KeyId = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("\"nonce\":", "\"nonce\":\"0123456789abcdef-twice\",\"nonce\":", "nonce")]
    [InlineData("\"machine\":{", "\"machine\":{\"memoryBytes\":1,", "machine.memoryBytes")]
    [InlineData("\"nonce\":", "\"NONCE\":\"0123456789abcdef-twice\",\"nonce\":", "nonce")]
    public async Task ADuplicatePropertyInTheSignedDocumentIsRefusedNamingIt(string at, string replacement, string field)
    {
        var key = await Client.RegisterNewKeyAsync();
        var json = Encoding.UTF8.GetString(ResultJson.Serialize(key.Document().Build()));
        var bytes = Encoding.UTF8.GetBytes(ReplaceFirst(json, at, replacement));

        using var response = await Client.SubmitAsync(EnvelopeSigner.Sign(key, bytes));

        var message = Assert.Single((await response.AssertValidationProblemAsync())["document"]);
        Assert.Contains($"'{field}'", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("more than once", message, StringComparison.Ordinal);
        Assert.Equal(0, (await Fixture.CountRowsAsync()).Submissions);
    }

    [Theory]
    [InlineData("document")]
    [InlineData("Signature")]
    public async Task ADuplicatePropertyInTheEnvelopeIsRefusedNamingIt(string duplicate)
    {
        var key = await Client.RegisterNewKeyAsync();
        var envelope = SigningHelpers.CreateSignedEnvelope(key, key.Document().Build());
        var other = SigningHelpers.CreateSignedEnvelope(key, key.Document().WithRatio("wasmtime", 1.25).Build());
        var twice = duplicate == "document" ? other.Document : other.Signature;
        var body = $$"""{"document":"{{envelope.Document}}","signature":"{{envelope.Signature}}","{{duplicate}}":"{{twice}}"}""";

        using var response = await PostJsonAsync("/api/v1/submissions", body);

        var errors = await response.AssertValidationProblemAsync();
        Assert.Equal([duplicate], errors.Keys);
        Assert.Contains("more than once", Assert.Single(errors[duplicate]), StringComparison.Ordinal);
        Assert.Equal(0, (await Fixture.CountRowsAsync()).Submissions);
    }

    [Theory]
    [InlineData("/api/v1/submissions", """{"document":"e30=","signature":"e30=","keyId":"x"}""", "keyId")]
    [InlineData("/api/v1/keys", """{"publicKey":"AAAA","proof":"AAAA","isAdmin":true}""", "isAdmin")]
    [InlineData("/api/v1/keys/" + KeyId + "/rotate", """{"newPublicKey":"AAAA","oldKeySignature":"AAAA","newKeySignature":"AAAA","contributorId":"me"}""", "contributorId")]
    [InlineData("/api/v1/keys/" + KeyId + "/revoke", """{"proof":"AAAA","reason":{"text":"lost"}}""", "reason")]
    public async Task AnUnknownFieldInAnyRequestBodyIsRefusedNamingIt(string url, string body, string field)
    {
        using var response = await PostJsonAsync(url, body);

        var errors = await response.AssertValidationProblemAsync();
        Assert.Equal([field], errors.Keys);
        Assert.Contains("Unknown field", Assert.Single(errors[field]), StringComparison.Ordinal);
        Assert.DoesNotContain("NearNative", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AValueOfTheWrongTypeIsRefusedNamingItsField()
    {
        using var response = await PostJsonAsync("/api/v1/keys", """{"publicKey":"AAAA","proof":["AAAA"]}""");

        var errors = await response.AssertValidationProblemAsync();
        Assert.Equal(["proof"], errors.Keys);
    }

    [Theory]
    [InlineData("/api/v1/keys")]
    [InlineData("/api/v1/keys/" + KeyId + "/rotate")]
    [InlineData("/api/v1/keys/" + KeyId + "/revoke")]
    public async Task AKeyRequestOverItsCapIsTooLarge(string url)
    {
        using var response = await PostJsonAsync(url, $$"""{"proof":"{{new string('A', 20 * 1024)}}"}""");

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task AChunkedSubmissionOverTheCapIsTooLargeOnTheTestServerToo()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new SignedEnvelope(Convert.ToBase64String(new byte[2 * 1024 * 1024]), Convert.ToBase64String(new byte[64])), JsonSerializerOptions.Web);

        using var response = await Client.PostAsync("/api/v1/submissions", new ChunkedContent(body));

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, (await Fixture.CountRowsAsync()).Submissions);
    }

    private Task<HttpResponseMessage> PostJsonAsync(string url, string json) =>
        Client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    private static string ReplaceFirst(string text, string at, string replacement)
    {
        var index = text.IndexOf(at, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{at}' is not in the document");
        return text[..index] + replacement + text[(index + at.Length)..];
    }
}
