using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NearNative.Api.Keys;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Signing;

namespace NearNative.Api.Tests.Keys;

/// <summary>A key's optional display name: signed by the key, bounded, and always plain text.</summary>
[Collection(OnPostgres.Name)]
public sealed class KeyDisplayNameTests(PostgresFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task ADisplayNameIsStoredAndShownWithTheKey()
    {
        var key = SigningHelpers.CreateKey();

        using var response = await Client.PostAsJsonAsync("/api/v1/keys", SigningHelpers.RegistrationFor(key, "Ada's build farm"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Ada's build farm", (await response.Content.ReadFromJsonAsync<KeyResponse>())!.DisplayName);
        Assert.Equal("Ada's build farm", (await Client.GetOkAsync<KeyResponse>($"/api/v1/keys/{Ed25519Keys.KeyIdOf(key)}")).DisplayName);
    }

    [Fact]
    public async Task ADisplayNameWithMarkupStaysText()
    {
        const string markup = "<script>alert(\"x\")</script><b>&amp;</b>";
        var key = SigningHelpers.CreateKey();
        using var registered = await Client.PostAsJsonAsync("/api/v1/keys", SigningHelpers.RegistrationFor(key, markup));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        using var response = await Client.GetAsync($"/api/v1/keys/{Ed25519Keys.KeyIdOf(key)}");

        // A JSON string whose quotes are escaped: the markup cannot end it, and a reader gets the text back as sent.
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains("alert(\\\"x\\\")", raw, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(raw);
        Assert.Equal(markup, json.RootElement.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task ANameTheProofDoesNotCoverIsUnauthorized()
    {
        var key = SigningHelpers.CreateKey();
        var request = SigningHelpers.RegistrationFor(key, "Ada") with { DisplayName = "Mallory" };

        using var response = await Client.PostAsJsonAsync("/api/v1/keys", request);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(0, (await Fixture.CountRowsAsync()).Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" padded")]
    [InlineData("bell\u0007")]
    [InlineData("right-to-left\u202Eoverride")]
    [InlineData("a name that is far too long to be shown beside a key on any page at all")]
    public async Task ADisplayNameThatIsNotShortPlainTextIsAValidationProblem(string name)
    {
        using var response = await Client.PostAsJsonAsync("/api/v1/keys", SigningHelpers.RegistrationFor(SigningHelpers.CreateKey(), name));

        var errors = await response.AssertValidationProblemAsync();
        Assert.Equal(["displayName"], errors.Keys);
        Assert.Equal(0, (await Fixture.CountRowsAsync()).Keys);
    }

    [Fact]
    public async Task RegisteringAgainWithAnotherSignedNameRenamesTheKeyAndWithoutANameKeepsIt()
    {
        var key = SigningHelpers.CreateKey();
        using var first = await Client.PostAsJsonAsync("/api/v1/keys", SigningHelpers.RegistrationFor(key, "old name"));

        using var renamed = await Client.PostAsJsonAsync("/api/v1/keys", SigningHelpers.RegistrationFor(key, "new name"));
        using var unnamed = await Client.PostAsJsonAsync("/api/v1/keys", SigningHelpers.RegistrationFor(key));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, renamed.StatusCode, unnamed.StatusCode));
        Assert.Equal("new name", (await renamed.Content.ReadFromJsonAsync<KeyResponse>())!.DisplayName);
        Assert.Equal("new name", (await unnamed.Content.ReadFromJsonAsync<KeyResponse>())!.DisplayName);
        Assert.Equal(1, (await Fixture.CountRowsAsync()).Keys);
    }
}
