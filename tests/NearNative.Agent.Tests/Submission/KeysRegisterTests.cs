using System.Net;
using System.Text.Json;
using NearNative.Agent.Submission;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Signing;

namespace NearNative.Agent.Tests.Submission;

public sealed class KeysRegisterTests
{
    private const string Server = "http://nearnative.test/prefix";

    [Fact]
    public async Task RegisteringSendsThePublicKeyWithAProofOfPossession()
    {
        using var home = new TempDirectory();
        var keyId = (await CliRun.InvokeAsync(home.Path, "keys", "init")).Out.Trim();
        var stub = new StubServer().Then(HttpStatusCode.Created, "{}");

        var result = await CliRun.InvokeAsync(home.Path, new HttpSettings(TimeSpan.FromMilliseconds(10), stub.CreateHandler), "keys", "register", "--server", Server);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(keyId, result.Out.Trim());
        var request = Assert.Single(stub.Requests);
        Assert.Equal(new Uri("http://nearnative.test/prefix/api/v1/keys"), request.Uri);
        using var body = JsonDocument.Parse(request.Body);
        var publicKey = Convert.FromBase64String(body.RootElement.GetProperty("publicKey").GetString()!);
        var proof = Convert.FromBase64String(body.RootElement.GetProperty("proof").GetString()!);
        Assert.Equal(keyId, KeyId.For(publicKey));
        Assert.True(Ed25519Keys.VerifyKeyRegistration(publicKey, proof));
    }

    [Fact]
    public async Task ANameIsSentWithAProofThatCoversIt()
    {
        using var home = new TempDirectory();
        await CliRun.InvokeAsync(home.Path, "keys", "init");
        var stub = new StubServer().Then(HttpStatusCode.Created, "{}");

        var result = await CliRun.InvokeAsync(home.Path, new HttpSettings(TimeSpan.FromMilliseconds(10), stub.CreateHandler), "keys", "register", "--server", Server, "--name", "Ada's <laptop>");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var body = JsonSerializer.Deserialize<KeyRegistrationRequest>(Assert.Single(stub.Requests).Body, JsonSerializerOptions.Web)!;
        Assert.Equal("Ada's <laptop>", body.DisplayName);
        Assert.True(Ed25519Keys.VerifyKeyRegistration(Convert.FromBase64String(body.PublicKey!), Convert.FromBase64String(body.Proof!), "Ada's <laptop>"));
    }

    [Fact]
    public async Task ARefusedRegistrationShowsTheServersReasonAndExits4()
    {
        using var home = new TempDirectory();
        await CliRun.InvokeAsync(home.Path, "keys", "init");
        var stub = new StubServer().Then(HttpStatusCode.Conflict, """{"title":"Key revoked","detail":"This key was revoked and cannot be registered again."}""");

        var result = await CliRun.InvokeAsync(home.Path, new HttpSettings(TimeSpan.FromMilliseconds(10), stub.CreateHandler), "keys", "register", "--server", Server);

        Assert.Equal(ExitCodes.SubmissionRefused, result.ExitCode);
        Assert.Contains("This key was revoked", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
