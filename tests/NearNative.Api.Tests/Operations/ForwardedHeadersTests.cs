using System.Net;
using System.Net.Http.Json;
using NearNative.Api.Tests.Fixtures;

namespace NearNative.Api.Tests.Operations;

/// <summary>
/// Over real loopback connections (Kestrel, so the peer address is 127.0.0.1), with a limit of two writes per
/// address: the request bodies are invalid on purpose, since the address limit counts before anything is read.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task ForwardedForIsIgnoredFromAPeerThatIsNotAKnownProxy()
    {
        var statuses = await WriteStatusesAsync([], "203.0.113.1", "203.0.113.2", "203.0.113.3");

        // All three count against the peer, 127.0.0.1, whatever they claim.
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task ForwardedForIsIgnoredFromLoopbackWhenOnlyAnotherProxyIsConfigured()
    {
        var statuses = await WriteStatusesAsync(
            new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "10.1.2.3" },
            "203.0.113.1", "203.0.113.2", "203.0.113.3");

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "127.0.0.1")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "127.0.0.0/8")]
    public async Task ForwardedForFromAConfiguredProxyNamesTheClientThatIsLimited(string setting, string value)
    {
        var statuses = await WriteStatusesAsync(
            new Dictionary<string, string?> { [setting] = value },
            "203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.1", "203.0.113.1");

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests],
            statuses);
    }

    private static async Task<HttpStatusCode[]> WriteStatusesAsync(Dictionary<string, string?> settings, params string[] forwardedFor)
    {
        await using var database = await ScratchDatabase.CreateAsync();
        settings["ConnectionStrings:Postgres"] = database.ConnectionString;
        settings["RateLimiting:PermitLimit"] = "2";
        await using var factory = new NearNativeApiFactory(settings);
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        foreach (var address in forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/keys") { Content = JsonContent.Create(new { }) };
            request.Headers.Add("X-Forwarded-For", address);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return [.. statuses];
    }
}
