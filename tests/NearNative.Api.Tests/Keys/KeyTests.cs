using System.Net;
using System.Net.Http.Json;
using NearNative.Api.Keys;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Signing;

namespace NearNative.Api.Tests.Keys;

[Collection(OnPostgres.Name)]
public sealed class KeyTests(PostgresFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task RegisteringANewKeyReturnsCreatedWithItsId()
    {
        var key = SigningHelpers.CreateKey();

        using var response = await Client.PostAsJsonAsync("/api/v1/keys", SigningHelpers.RegistrationFor(key));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<KeyResponse>();
        Assert.Equal(Ed25519Keys.KeyIdOf(key), body!.KeyId);
        Assert.Equal(Convert.ToBase64String(Ed25519Keys.RawPublicKey(key)), body.PublicKey);
        Assert.Null(body.RevokedAt);
        Assert.Equal($"/api/v1/keys/{body.KeyId}", response.Headers.Location?.OriginalString);

        using var lookup = await Client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
    }

    [Fact]
    public async Task RegisteringTheSameKeyAgainReturnsTheStoredKey()
    {
        var key = SigningHelpers.CreateKey();
        using var first = await Client.PostAsJsonAsync("/api/v1/keys", SigningHelpers.RegistrationFor(key));
        var stored = await first.Content.ReadFromJsonAsync<KeyResponse>();

        using var second = await Client.PostAsJsonAsync("/api/v1/keys", SigningHelpers.RegistrationFor(key));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(stored, await second.Content.ReadFromJsonAsync<KeyResponse>());
        Assert.Equal(1, (await Fixture.CountRowsAsync()).Keys);
    }

    [Fact]
    public async Task AProofMadeByAnotherKeyIsUnauthorized()
    {
        var key = SigningHelpers.CreateKey();
        var impostor = SigningHelpers.CreateKey();
        var request = new KeyRegistrationRequest(
            Convert.ToBase64String(Ed25519Keys.RawPublicKey(key)),
            Convert.ToBase64String(Ed25519Keys.SignKeyRegistration(impostor)));

        using var response = await Client.PostAsJsonAsync("/api/v1/keys", request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(0, (await Fixture.CountRowsAsync()).Keys);
    }

    [Fact]
    public async Task AMalformedRegistrationIsAValidationProblem()
    {
        using var response = await Client.PostAsJsonAsync("/api/v1/keys", new KeyRegistrationRequest("not base64!", null));

        var errors = await response.AssertValidationProblemAsync();
        Assert.Contains("publicKey", errors.Keys);
        Assert.Contains("proof", errors.Keys);
        Assert.Equal(0, (await Fixture.CountRowsAsync()).Keys);
    }

    [Fact]
    public async Task RevokingWithTheKeysProofMarksItRevoked()
    {
        var key = await Client.RegisterNewKeyAsync();
        var keyId = Ed25519Keys.KeyIdOf(key);

        using var response = await Client.PostAsJsonAsync(
            $"/api/v1/keys/{keyId}/revoke", new RevokeKeyRequest(Convert.ToBase64String(Ed25519Keys.SignKeyRevocation(key))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<KeyResponse>())!.RevokedAt);
    }

    [Fact]
    public async Task ACachedKeyShowsItsRevocationAtOnce()
    {
        var key = await Client.RegisterNewKeyAsync();
        var keyId = Ed25519Keys.KeyIdOf(key);
        using var before = await Client.GetAsync($"/api/v1/keys/{keyId}");
        Assert.Equal("public, max-age=30, stale-while-revalidate=300", before.Headers.CacheControl?.ToString());

        using var revoke = await Client.PostAsJsonAsync(
            $"/api/v1/keys/{keyId}/revoke", new RevokeKeyRequest(Convert.ToBase64String(Ed25519Keys.SignKeyRevocation(key))));
        using var after = await Client.GetAsync($"/api/v1/keys/{keyId}");

        Assert.Null((await before.Content.ReadFromJsonAsync<KeyResponse>())!.RevokedAt);
        Assert.NotNull((await after.Content.ReadFromJsonAsync<KeyResponse>())!.RevokedAt);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task RevokingWithAnotherKeysProofIsUnauthorized()
    {
        var key = await Client.RegisterNewKeyAsync();
        var other = SigningHelpers.CreateKey();

        using var response = await Client.PostAsJsonAsync(
            $"/api/v1/keys/{Ed25519Keys.KeyIdOf(key)}/revoke", new RevokeKeyRequest(Convert.ToBase64String(Ed25519Keys.SignKeyRevocation(other))));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var lookup = await Client.GetAsync($"/api/v1/keys/{Ed25519Keys.KeyIdOf(key)}");
        Assert.Null((await lookup.Content.ReadFromJsonAsync<KeyResponse>())!.RevokedAt);
    }

    [Fact]
    public async Task RevokingAnUnknownKeyIsNotFound()
    {
        var key = SigningHelpers.CreateKey();

        using var response = await Client.PostAsJsonAsync(
            $"/api/v1/keys/{Ed25519Keys.KeyIdOf(key)}/revoke", new RevokeKeyRequest(Convert.ToBase64String(Ed25519Keys.SignKeyRevocation(key))));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ARegistrationSignatureCannotRevokeAKey()
    {
        var key = await Client.RegisterNewKeyAsync();

        using var response = await Client.PostAsJsonAsync(
            $"/api/v1/keys/{Ed25519Keys.KeyIdOf(key)}/revoke",
            new RevokeKeyRequest(Convert.ToBase64String(Ed25519Keys.SignKeyRegistration(key))));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
