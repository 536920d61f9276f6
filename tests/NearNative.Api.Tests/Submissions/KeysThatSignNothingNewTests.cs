using System.Net;
using System.Net.Http.Json;
using NearNative.Api.Keys;
using NearNative.Api.Submissions;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Signing;
using NSec.Cryptography;

namespace NearNative.Api.Tests.Submissions;

/// <summary>
/// Revoked keys (by the holder or the administrator) and keys retired by rotation follow one rule: the signature is
/// checked first (401), bytes already stored are the stored submission (200), anything new is refused (403).
/// </summary>
[Collection(OnPostgres.Name)]
public sealed class KeysThatSignNothingNewTests(PostgresFixture fixture) : ApiTest(fixture)
{
    public enum Ending
    {
        RevokedByHolder,
        RevokedByAdministrator,
        Rotated,
        RotatedThenRevokedByAdministrator,
    }

    [Theory]
    [InlineData(Ending.RevokedByHolder, "revoked")]
    [InlineData(Ending.RevokedByAdministrator, "revoked")]
    [InlineData(Ending.Rotated, "replaced by key")]
    [InlineData(Ending.RotatedThenRevokedByAdministrator, "revoked")]
    public async Task AnEndedKeyGetsItsStoredBytesBackAndIsForbiddenAnythingNew(Ending ending, string reason)
    {
        var key = await Client.RegisterNewKeyAsync();
        var stored = SigningHelpers.CreateSignedEnvelope(key, key.Document().Build());
        string storedId;
        using (var first = await Client.SubmitAsync(stored))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            storedId = (await first.Content.ReadFromJsonAsync<SubmissionResponse>())!.Id;
        }

        await EndAsync(key, ending);

        using var sameBytes = await Client.SubmitAsync(stored);
        using var fresh = await Client.SubmitAsync(key, key.Document().Build());
        using var forged = await Client.SubmitAsync(SigningHelpers.CreateSignedEnvelope(SigningHelpers.CreateKey(), key.Document().Build()));

        Assert.Equal(HttpStatusCode.OK, sameBytes.StatusCode);
        Assert.Equal(storedId, (await sameBytes.Content.ReadFromJsonAsync<SubmissionResponse>())!.Id);
        var problem = await fresh.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains(reason, problem.Detail, StringComparison.Ordinal);
        Assert.Contains(Ed25519Keys.KeyIdOf(key), problem.Detail, StringComparison.Ordinal);
        await forged.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(1, (await Fixture.CountRowsAsync()).Submissions);
    }

    [Fact]
    public async Task ARetiredKeysRefusalNamesItsSuccessor()
    {
        var key = await Client.RegisterNewKeyAsync();
        var successor = SigningHelpers.CreateKey();
        using (var rotated = await Client.RotateAsync(key, KeyRotationRequest.For(key, successor)))
        {
            Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        }

        using var response = await Client.SubmitAsync(key, key.Document().Build());

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(Ed25519Keys.KeyIdOf(successor), problem.Extensions["replacedBy"]?.ToString());
    }

    private async Task EndAsync(Key key, Ending ending)
    {
        var keyId = Ed25519Keys.KeyIdOf(key);
        if (ending is Ending.Rotated or Ending.RotatedThenRevokedByAdministrator)
        {
            using var rotated = await Client.RotateAsync(key, KeyRotationRequest.For(key, SigningHelpers.CreateKey()));
            Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        }

        if (ending is Ending.RevokedByHolder)
        {
            using var revoked = await Client.PostAsJsonAsync(
                $"/api/v1/keys/{keyId}/revoke", new RevokeKeyRequest(Convert.ToBase64String(Ed25519Keys.SignKeyRevocation(key))));
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        if (ending is Ending.RevokedByAdministrator or Ending.RotatedThenRevokedByAdministrator)
        {
            using var revoked = await Client.PostAsAdminAsync($"/api/v1/admin/keys/{keyId}/revoke", null, PostgresFixture.AdminToken);
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }
    }
}
