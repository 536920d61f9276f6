using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NearNative.Api.Administration;
using NearNative.Api.Keys;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Signing;

namespace NearNative.Api.Tests.Administration;

/// <summary>The administrator's endpoints answer the configured bearer token and nothing else.</summary>
[Collection(OnPostgres.Name)]
public sealed class AdministrationTests(PostgresFixture fixture) : ApiTest(fixture)
{
    private const string Token = PostgresFixture.AdminToken;

    [Fact]
    public async Task WithoutTheTokenTheEndpointsAreUnauthorized()
    {
        var key = await Client.RegisterNewKeyAsync();
        var created = await Client.SubmitCreatedAsync(key, key.Document());

        using var anonymous = await Client.PostAsJsonAsync($"/api/v1/admin/submissions/{created.Id}/quarantine", new QuarantineRequest("x"));
        using var wrong = await Client.QuarantineAsync(created.Id, "x", Token + "x");
        using var prefix = await Client.QuarantineAsync(created.Id, "x", Token[..^1]);

        foreach (var response in new[] { anonymous, wrong, prefix })
        {
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }

        Assert.Equal("accepted", (await Client.GetOkAsync<NearNative.Api.Submissions.SubmissionResponse>($"/api/v1/submissions/{created.Id}")).Status);
    }

    [Fact]
    public async Task AContributorsKeyIsNoAdministratorCredential()
    {
        var key = await Client.RegisterNewKeyAsync();
        var created = await Client.SubmitCreatedAsync(key, key.Document());
        var registration = SigningHelpers.RegistrationFor(key);

        foreach (var credential in new[] { Ed25519Keys.KeyIdOf(key), registration.PublicKey!, registration.Proof! })
        {
            using var response = await Client.QuarantineAsync(created.Id, "x", credential);
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        // Nor does a signed document stand in for the token.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/keys/{Ed25519Keys.KeyIdOf(key)}/revoke")
        {
            Content = JsonContent.Create(SigningHelpers.CreateSignedEnvelope(key, key.Document().Build())),
        };
        using var signed = await Client.SendAsync(request);
        await signed.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Null((await Client.GetOkAsync<KeyResponse>($"/api/v1/keys/{Ed25519Keys.KeyIdOf(key)}")).RevokedAt);
    }

    [Fact]
    public async Task AKeyRevokedByTheAdministratorIsForbiddenToSubmit()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document());
        Assert.Null((await Client.GetOkAsync<KeyResponse>($"/api/v1/keys/{Ed25519Keys.KeyIdOf(key)}")).RevokedAt);

        using var revoke = await Client.PostAsAdminAsync($"/api/v1/admin/keys/{Ed25519Keys.KeyIdOf(key)}/revoke", null, Token);
        using var after = await Client.SubmitAsync(key, key.Document().Build());

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.NotNull((await revoke.Content.ReadFromJsonAsync<KeyResponse>())!.RevokedAt);
        var problem = await after.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("revoked", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(1, (await Fixture.CountRowsAsync()).Submissions);

        // The key's cached answer was evicted, not left to expire.
        Assert.NotNull((await Client.GetOkAsync<KeyResponse>($"/api/v1/keys/{Ed25519Keys.KeyIdOf(key)}")).RevokedAt);
    }

    [Fact]
    public async Task AQuarantineAndAReleaseEvictTheCachedListsCpusAndBadges()
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, key.Document().OnMachine("a").WithRatio("wasmtime", 1.2));
        var second = await Client.SubmitCreatedAsync(key, key.Document().OnMachine("b").WithRatio("wasmtime", 1.8));
        var cpu = $"/api/v1/cpus/{second.CpuKey}";
        var before = await ReadAsync(cpu);

        using (var quarantine = await Client.QuarantineAsync(second.Id, "bad cooling", Token))
        {
            Assert.Equal(HttpStatusCode.OK, quarantine.StatusCode);
        }

        var quarantined = await ReadAsync(cpu);
        using (var release = await Client.ReleaseAsync(second.Id, Token))
        {
            Assert.Equal(HttpStatusCode.OK, release.StatusCode);
        }

        Assert.Equal((1.5, 0, "accepted accepted"), before);
        Assert.Equal((1.2, 1, "quarantined accepted"), quarantined);
        Assert.Equal(before, await ReadAsync(cpu));

        async Task<(double Badge, int Quarantined, string Statuses)> ReadAsync(string cpuUrl)
        {
            using var badge = await Client.GetAsync("/badges/wasmtime.json");
            var message = (await badge.ReadBadgeAsync()).Message!;
            var detail = await Client.GetOkAsync<NearNative.Api.Cpus.CpuDetailResponse>(cpuUrl);
            var list = await Client.GetOkAsync<NearNative.Api.Submissions.SubmissionPageResponse>("/api/v1/submissions");
            return (
                double.Parse(message.Split('×')[0], System.Globalization.CultureInfo.InvariantCulture),
                detail.QuarantinedSubmissions,
                string.Join(' ', list.Items.Select(i => i.Status)));
        }
    }

    [Fact]
    public async Task UnknownSubmissionsAndKeysAreNotFound()
    {
        using var submission = await Client.ReleaseAsync(new string('0', 64), Token);
        using var key = await Client.PostAsAdminAsync("/api/v1/admin/keys/nosuchkey/revoke", null, Token);

        await submission.AssertProblemAsync(HttpStatusCode.NotFound);
        await key.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AQuarantineNeedsAReason()
    {
        var key = await Client.RegisterNewKeyAsync();
        var created = await Client.SubmitCreatedAsync(key, key.Document());

        using var response = await Client.QuarantineAsync(created.Id, "", Token);

        Assert.Contains("reason", (await response.AssertValidationProblemAsync()).Keys);
    }

    [Fact]
    public async Task TheOpenApiDocumentMarksTheAdministratorsOperations()
    {
        using var json = JsonDocument.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"));
        var root = json.RootElement;

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty(AdminTokenHandler.SchemeName);
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        var admin = root.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/admin/", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, admin.Count);
        Assert.All(admin.SelectMany(p => p.Value.EnumerateObject()), operation =>
        {
            Assert.Equal(AdminApi.Tag, operation.Value.GetProperty("tags")[0].GetString());
            Assert.True(operation.Value.GetProperty("security")[0].TryGetProperty(AdminTokenHandler.SchemeName, out _));
        });
        Assert.DoesNotContain(
            root.GetProperty("paths").EnumerateObject().Where(p => !p.Name.StartsWith("/api/v1/admin/", StringComparison.Ordinal)).SelectMany(p => p.Value.EnumerateObject()),
            operation => operation.Value.TryGetProperty("security", out _));
    }
}

/// <summary>Without <c>Admin:Token</c> there is no administrator: the endpoints do not exist.</summary>
[Collection(OnSqlite.Name)]
public sealed class UnconfiguredAdministrationTests(SqliteFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task WithoutAConfiguredTokenTheEndpointsAreNotFound()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/keys/anything/revoke");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "");
        using var withHeader = await Client.SendAsync(request);
        using var withoutHeader = await Client.PostAsJsonAsync("/api/v1/admin/cells/recompute", new { });

        await withHeader.AssertProblemAsync(HttpStatusCode.NotFound);
        await withoutHeader.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain("/api/v1/admin/", await Client.GetStringAsync("/swagger/v1/swagger.json"), StringComparison.Ordinal);
    }
}
