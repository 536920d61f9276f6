using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using NearNative.Api.Tests.Fixtures;

namespace NearNative.Api.Tests.Operations;

[Collection(OnPostgres.Name)]
public sealed class HealthProbeTests(PostgresFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task LiveAndReadyAreHealthyWhenTheDatabaseAnswers()
    {
        var (liveStatus, live) = await Probe(Client, "/health/live");
        var (readyStatus, ready) = await Probe(Client, "/health/ready");

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (liveStatus, live.GetProperty("status").GetString()));
        Assert.Empty(live.GetProperty("checks").EnumerateObject());
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (readyStatus, ready.GetProperty("status").GetString()));
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task ReadinessFailsWhileTheDatabaseIsUnreachableAndLivenessStaysHealthy()
    {
        await using var factory = new NearNativeApiFactory(UnreachableDatabase());
        using var client = factory.CreateClient();

        var (liveStatus, live) = await Probe(client, "/health/live");
        var (readyStatus, ready) = await Probe(client, "/health/ready");

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (liveStatus, live.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        Assert.Equal("Unhealthy", ready.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", ready.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task TheProbesAreNotPartOfThePublicApiDocument()
    {
        using var response = await Client.GetAsync("/swagger/v1/swagger.json");

        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/health", StringComparison.Ordinal));
    }

    private static async Task<(HttpStatusCode, JsonElement)> Probe(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>Settings that point the application at a PostgreSQL that is not there (a closed loopback port).</summary>
    internal static Dictionary<string, string?> UnreachableDatabase() => new()
    {
        ["ConnectionStrings:Postgres"] = $"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Database=nowhere;Timeout=5",
        ["Database:MigrateOnStartup"] = "false",
    };

    /// <summary>A loopback port that nothing listens on: bound for a moment by the system's choice, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
