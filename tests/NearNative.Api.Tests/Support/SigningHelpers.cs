using System.Net.Http.Json;
using NearNative.Domain.Results;
using NearNative.Domain.Signing;
using NSec.Cryptography;

namespace NearNative.Api.Tests.Support;

/// <summary>What a contributor's agent does: hold a key, register it, sign and send result documents.</summary>
public static class SigningHelpers
{
    public static Key CreateKey() => Ed25519Keys.Create();

    public static KeyRegistrationRequest RegistrationFor(Key key, string? displayName = null) => KeyRegistrationRequest.For(key, displayName);

    public static SignedEnvelope CreateSignedEnvelope(Key key, ResultDocument document) => EnvelopeSigner.Sign(key, document);

    public static async Task<Key> RegisterNewKeyAsync(this HttpClient client)
    {
        var key = CreateKey();
        using var response = await client.PostAsJsonAsync("/api/v1/keys", RegistrationFor(key));
        response.EnsureSuccessStatusCode();
        return key;
    }

    public static ResultDocumentBuilder Document(this Key key) => new(Ed25519Keys.KeyIdOf(key));

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, SignedEnvelope envelope) =>
        client.PostAsJsonAsync("/api/v1/submissions", envelope);

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, Key key, ResultDocument document) =>
        client.SubmitAsync(CreateSignedEnvelope(key, document));

    public static Task<HttpResponseMessage> RotateAsync(this HttpClient client, Key oldKey, KeyRotationRequest request) =>
        client.PostAsJsonAsync($"/api/v1/keys/{Ed25519Keys.KeyIdOf(oldKey)}/rotate", request);
}
