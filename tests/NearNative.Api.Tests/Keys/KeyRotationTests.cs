using System.Net;
using System.Net.Http.Json;
using NearNative.Api.Keys;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Signing;

namespace NearNative.Api.Tests.Keys;

/// <summary>Rotation: the old key announces the new one, which proves possession; the old key then signs nothing new.</summary>
public abstract class KeyRotationTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task RotationRegistersTheNewKeyForTheSameContributorAndRetiresTheOldOne()
    {
        var oldKey = SigningHelpers.CreateKey();
        using (var registered = await Client.PostAsJsonAsync("/api/v1/keys", SigningHelpers.RegistrationFor(oldKey, "Ada")))
        {
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        }

        var newKey = SigningHelpers.CreateKey();

        using var response = await Client.RotateAsync(oldKey, KeyRotationRequest.For(oldKey, newKey));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/keys/{Ed25519Keys.KeyIdOf(newKey)}", response.Headers.Location?.OriginalString);
        var created = (await response.Content.ReadFromJsonAsync<KeyResponse>())!;
        var retired = await Client.GetOkAsync<KeyResponse>($"/api/v1/keys/{Ed25519Keys.KeyIdOf(oldKey)}");
        Assert.Equal(Ed25519Keys.KeyIdOf(newKey), created.KeyId);
        Assert.Equal(Ed25519Keys.KeyIdOf(oldKey), created.ContributorId);
        Assert.Equal(retired.ContributorId, created.ContributorId);
        Assert.Equal("Ada", created.DisplayName);
        Assert.Null(created.RetiredAt);
        Assert.NotNull(retired.RetiredAt);
        Assert.Equal(created.KeyId, retired.ReplacedBy);
        Assert.Null(retired.RevokedAt);
    }

    [Fact]
    public async Task AfterRotationOnlyTheNewKeySignsNewSubmissionsWhileStoredBytesStayTheirs()
    {
        var oldKey = await Client.RegisterNewKeyAsync();
        var storedBefore = SigningHelpers.CreateSignedEnvelope(oldKey, oldKey.Document().Build());
        using (var before = await Client.SubmitAsync(storedBefore))
        {
            Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        }

        var newKey = SigningHelpers.CreateKey();
        using (var rotated = await Client.RotateAsync(oldKey, KeyRotationRequest.For(oldKey, newKey)))
        {
            Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        }

        using var byOldKey = await Client.SubmitAsync(oldKey, oldKey.Document().Build());
        using var sameBytesAgain = await Client.SubmitAsync(storedBefore);
        using var byNewKey = await Client.SubmitAsync(newKey, newKey.Document().Build());

        var problem = await byOldKey.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains(Ed25519Keys.KeyIdOf(newKey), problem.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, sameBytesAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byNewKey.StatusCode);
        Assert.Equal(2, (await Fixture.CountRowsAsync()).Submissions);
    }

    [Fact]
    public async Task TheSameRotationSentAgainReturnsTheNewKey()
    {
        var oldKey = await Client.RegisterNewKeyAsync();
        var request = KeyRotationRequest.For(oldKey, SigningHelpers.CreateKey());
        using var first = await Client.RotateAsync(oldKey, request);

        using var again = await Client.RotateAsync(oldKey, request);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<KeyResponse>())!.KeyId,
            (await again.Content.ReadFromJsonAsync<KeyResponse>())!.KeyId);
        Assert.Equal(2, (await Fixture.CountRowsAsync()).Keys);
    }

    [Fact]
    public async Task ARotationSignedWithTheWrongKeyIsUnauthorizedAndChangesNothing()
    {
        var oldKey = await Client.RegisterNewKeyAsync();
        var newKey = SigningHelpers.CreateKey();
        var impostor = SigningHelpers.CreateKey();
        var genuine = KeyRotationRequest.For(oldKey, newKey);
        var announcedByImpostor = genuine with { OldKeySignature = KeyRotationRequest.For(impostor, newKey).OldKeySignature };
        var announcedForAnotherKey = KeyRotationRequest.For(oldKey, impostor) with { NewPublicKey = genuine.NewPublicKey };
        var newKeyNotHeld = genuine with { NewKeySignature = genuine.OldKeySignature };

        foreach (var forged in new[] { announcedByImpostor, announcedForAnotherKey, newKeyNotHeld })
        {
            using var response = await Client.RotateAsync(oldKey, forged);
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        var old = await Client.GetOkAsync<KeyResponse>($"/api/v1/keys/{Ed25519Keys.KeyIdOf(oldKey)}");
        Assert.Null(old.RetiredAt);
        Assert.Equal(1, (await Fixture.CountRowsAsync()).Keys);
        await Client.SubmitCreatedAsync(oldKey, oldKey.Document());
    }

    [Fact]
    public async Task ARetiredKeyCannotHandOverAgain()
    {
        var oldKey = await Client.RegisterNewKeyAsync();
        var successor = SigningHelpers.CreateKey();
        using var first = await Client.RotateAsync(oldKey, KeyRotationRequest.For(oldKey, successor));

        using var second = await Client.RotateAsync(oldKey, KeyRotationRequest.For(oldKey, SigningHelpers.CreateKey()));

        var problem = await second.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(Ed25519Keys.KeyIdOf(successor), problem.Extensions["replacedBy"]?.ToString());
        Assert.Equal(2, (await Fixture.CountRowsAsync()).Keys);
    }

    [Fact]
    public async Task RotatingToAKeyThatIsAlreadyRegisteredIsAConflict()
    {
        var oldKey = await Client.RegisterNewKeyAsync();
        var registered = await Client.RegisterNewKeyAsync();

        using var response = await Client.RotateAsync(oldKey, KeyRotationRequest.For(oldKey, registered));

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Null((await Client.GetOkAsync<KeyResponse>($"/api/v1/keys/{Ed25519Keys.KeyIdOf(oldKey)}")).RetiredAt);
    }

    [Fact]
    public async Task RotatingAnUnknownKeyIsNotFound()
    {
        var oldKey = SigningHelpers.CreateKey();

        using var response = await Client.RotateAsync(oldKey, KeyRotationRequest.For(oldKey, SigningHelpers.CreateKey()));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await Fixture.CountRowsAsync()).Keys);
    }
}

[Collection(OnPostgres.Name)]
public sealed class PostgresKeyRotationTests(PostgresFixture fixture) : KeyRotationTests(fixture);

[Collection(OnSqlite.Name)]
public sealed class SqliteKeyRotationTests(SqliteFixture fixture) : KeyRotationTests(fixture);
