using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;

namespace NearNative.Api.Tests.Infrastructure;

[Collection(OnPostgres.Name)]
public sealed class CacheLifetimeTests(PostgresFixture fixture) : ApiTest(fixture)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task ZeroSecondsComputesEveryReadAndNeverFails()
    {
        using var uncached = Fixture.Factory.WithWebHostBuilder(host => host.UseSetting("Leaderboard:CacheSeconds", "0"));
        using var client = uncached.CreateClient();
        var key = await client.RegisterNewKeyAsync();
        await client.SubmitCreatedAsync(key, key.Document().WithRatio("wasmtime", 1.5));

        Assert.Equal("wasmtime: 1.50× native", await TitleAsync(client, "/badges/wasmtime.svg"));
        using (var unknown = await client.GetAsync("/badges/nothing.svg"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        // A cell changed behind the API's back, with nothing evicted, shows on the very next read.
        await Fixture.WithDatabaseAsync(db => db.LeaderboardCells
            .Where(c => c.RuntimeSlug == "wasmtime" && c.Metric == "execution")
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Figure!.Value, 2.0)));
        Assert.Equal("wasmtime: 2.00× native", await TitleAsync(client, "/badges/wasmtime.svg"));
        var board = await client.GetOkAsync<Api.Leaderboard.LeaderboardResponse>("/api/v1/leaderboard");
        Assert.Equal(2.0, board.Rows.Single(r => r.Runtime == "wasmtime").Slowdown);
    }

    [Fact]
    public void ANegativeLifetimeStopsStartUpNamingTheSetting()
    {
        using var broken = Fixture.Factory.WithWebHostBuilder(host => host.UseSetting("Leaderboard:CacheSeconds", "-5"));

        var error = Assert.Throws<InvalidOperationException>(() => broken.CreateClient());

        Assert.Contains("Leaderboard:CacheSeconds", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> TitleAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element(Svg + "title")!.Value;
    }
}
