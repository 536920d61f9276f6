using System.Net;
using System.Text.Json;
using NearNative.Agent.Machine;
using NearNative.Agent.Submission;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Signing;

namespace NearNative.Agent.Tests.Submission;

public sealed class KeysRotateTests
{
    private const string Server = "http://nearnative.test/";

    private static HttpSettings Fast(StubServer stub) => new(TimeSpan.FromMilliseconds(10), stub.CreateHandler);

    [Fact]
    public async Task RotatingSendsBothSignaturesAndMakesTheNewKeyTheAgentsKey()
    {
        using var home = new TempDirectory();
        var oldKeyId = (await CliRun.InvokeAsync(home.Path, "keys", "init")).Out.Trim();
        var oldPublicKey = PublicKeyIn(home.File(KeyStore.FileName));
        var salt = MachineSalt.GetOrCreate(home.Path);
        var stub = new StubServer().Then(HttpStatusCode.Created, "{}");

        var result = await CliRun.InvokeAsync(home.Path, Fast(stub), "keys", "rotate", "--server", Server);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var request = Assert.Single(stub.Requests);
        Assert.Equal(new Uri($"{Server}api/v1/keys/{oldKeyId}/rotate"), request.Uri);
        var body = JsonSerializer.Deserialize<KeyRotationRequest>(request.Body, JsonSerializerOptions.Web)!;
        var newPublicKey = Convert.FromBase64String(body.NewPublicKey!);
        Assert.True(Ed25519Keys.VerifyKeyRotation(oldPublicKey, oldPublicKey, newPublicKey, Convert.FromBase64String(body.OldKeySignature!)));
        Assert.True(Ed25519Keys.VerifyKeyRotation(newPublicKey, oldPublicKey, newPublicKey, Convert.FromBase64String(body.NewKeySignature!)));

        Assert.Equal(KeyId.For(newPublicKey), result.Out.Trim());
        Assert.Equal(newPublicKey, PublicKeyIn(home.File(KeyStore.FileName)));
        Assert.Equal(oldPublicKey, PublicKeyIn(home.File(KeyStore.RetiredFileName)));
        Assert.False(File.Exists(home.File(KeyStore.NextFileName)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(home.File(KeyStore.RetiredFileName)));

        // The machine keeps its id (and so its single vote on the server) under the new key.
        Assert.Equal(salt, File.ReadAllBytes(home.File(MachineSalt.FileName)));
    }

    [Fact]
    public async Task ARefusedRotationKeepsTheOldKeyAndTriesTheSameNewKeyNextTime()
    {
        using var home = new TempDirectory();
        await CliRun.InvokeAsync(home.Path, "keys", "init");
        var oldPublicKey = PublicKeyIn(home.File(KeyStore.FileName));
        var stub = new StubServer()
            .Then(HttpStatusCode.Unauthorized, """{"title":"Unauthorized","detail":"oldKeySignature does not verify"}""")
            .Then(HttpStatusCode.Created, "{}");

        var refused = await CliRun.InvokeAsync(home.Path, Fast(stub), "keys", "rotate", "--server", Server);
        Assert.Equal(ExitCodes.SubmissionRefused, refused.ExitCode);
        Assert.Contains("oldKeySignature does not verify", Assert.Single(refused.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(oldPublicKey, PublicKeyIn(home.File(KeyStore.FileName)));

        var retried = await CliRun.InvokeAsync(home.Path, Fast(stub), "keys", "rotate", "--server", Server);

        Assert.Equal(ExitCodes.Ok, retried.ExitCode);
        Assert.Single(stub.Requests.Select(r => JsonSerializer.Deserialize<KeyRotationRequest>(r.Body, JsonSerializerOptions.Web)!.NewPublicKey).Distinct());
        Assert.Equal(retried.Out.Trim(), KeyId.For(PublicKeyIn(home.File(KeyStore.FileName))));
    }

    [Fact]
    public async Task RotatingWithoutAKeyIsAUsageError()
    {
        using var home = new TempDirectory();

        var result = await CliRun.InvokeAsync(home.Path, "keys", "rotate", "--server", Server);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("keys init", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(home.File(KeyStore.NextFileName)));
    }

    private static byte[] PublicKeyIn(string path)
    {
        using var key = Ed25519Keys.ImportPrivate(File.ReadAllBytes(path));
        return Ed25519Keys.RawPublicKey(key);
    }
}
