using System.Net;
using System.Text.Json;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Signing;

namespace NearNative.Api.Tests.Operations;

public sealed class KeyQuotaTests
{
    [Fact]
    public async Task TheSixtyFirstWriteOfAKeyInAWindowIsTooManyWithRetryAfter()
    {
        await using var database = await ScratchDatabase.CreateAsync();
        await using var factory = new NearNativeApiFactory(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["RateLimiting:KeyPermitLimit"] = "60",
            ["RateLimiting:KeyWindowSeconds"] = "3600",
        });
        using var client = factory.CreateClient();
        var key = await client.RegisterNewKeyAsync();

        for (var i = 0; i < 60; i++)
        {
            using var accepted = await client.SubmitAsync(key, key.Document().Build());
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }

        using var refused = await client.SubmitAsync(key, key.Document().Build());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 3600);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", problem.GetProperty("type").GetString());
        Assert.Contains(Ed25519Keys.KeyIdOf(key), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The quota is the key's, not the address's: another key from the same client is still served.
        var other = await client.RegisterNewKeyAsync();
        using var otherKey = await client.SubmitAsync(other, other.Document().Build());
        Assert.Equal(HttpStatusCode.Created, otherKey.StatusCode);
    }
}
