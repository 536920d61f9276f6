using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NearNative.Api.Data;
using NearNative.Api.Leaderboard;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;

namespace NearNative.Api.Tests.Badges;

[Collection(OnPostgres.Name)]
public sealed class BadgeTests(PostgresFixture fixture) : ApiTest(fixture)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task TheSvgBadgeIsWellFormedFlatBadgeWithSafeHeaders()
    {
        await SubmitAsync();

        using var response = await Client.GetAsync("/badges/wasmtime.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("public, max-age=300, stale-while-revalidate=86400", response.Headers.CacheControl?.ToString());
        Assert.False(response.Headers.ETag!.IsWeak);

        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Svg + "svg", svg.Root!.Name);
        Assert.Equal("wasmtime: 1.50× native", svg.Root.Element(Svg + "title")!.Value);
        Assert.Contains(svg.Descendants(Svg + "rect"), r => (string?)r.Attribute("fill") == "#a4a61d");
    }

    [Fact]
    public async Task BadgeEscapesRuntimeNames()
    {
        const string name = "<script>alert('x')</script> & \"co\"";
        await SubmitAsync(builder => builder.WithRuntime("evil", name, 1.2));

        using var response = await Client.GetAsync("/badges/evil.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        var svg = XDocument.Parse(text);
        Assert.Empty(svg.Descendants(Svg + "script"));
        Assert.Equal($"{name}: 1.20× native", svg.Root!.Element(Svg + "title")!.Value);
        Assert.Equal($"{name}: 1.20× native", (string?)svg.Root.Attribute("aria-label"));
    }

    [Fact]
    public async Task TheJsonBadgeFollowsTheShieldsEndpointSchema()
    {
        await SubmitAsync();

        using var response = await Client.GetAsync("/badges/wasmer.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(["schemaVersion", "label", "message", "color"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("wasmer", root.GetProperty("label").GetString());
        Assert.Equal("2.00× native", root.GetProperty("message").GetString());
        Assert.Equal("yellow", root.GetProperty("color").GetString());
    }

    [Fact]
    public async Task AMatchingETagGetsNotModified()
    {
        await SubmitAsync();
        using var first = await Client.GetAsync("/badges/wasmtime.svg");
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/badges/wasmtime.svg");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AChangedBadgeHasANewETag()
    {
        await SubmitAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/badges/wasmtime.json");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0123456789abcdef0123456789abcdef\""));

        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownRuntimeGetsAGreyNoDataBadgeThatIsCachedLikeAnyOther()
    {
        // Stored but quarantined, so the runtime has no figure yet.
        await SubmitAsync(builder => builder.WithRuntime("nothing", "nothing", 5000));
        using var svg = await Client.GetAsync("/badges/nothing.svg");
        using var json = await Client.GetAsync("/badges/nothing.json");

        Assert.Equal(HttpStatusCode.NotFound, svg.StatusCode);
        var document = XDocument.Parse(await svg.Content.ReadAsStringAsync());
        Assert.Equal("nothing: no data", document.Root!.Element(Svg + "title")!.Value);
        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
        using var shields = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Assert.Equal(["schemaVersion", "label", "message", "color", "isError"], shields.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("no data", "lightgrey", true), (shields.RootElement.GetProperty("message").GetString(), shields.RootElement.GetProperty("color").GetString(), shields.RootElement.GetProperty("isError").GetBoolean()));
        foreach (var response in new[] { svg, json })
        {
            Assert.Equal("public, max-age=300, stale-while-revalidate=86400", response.Headers.CacheControl?.ToString());
            Assert.False(response.Headers.ETag!.IsWeak);
        }

        // Served from the output cache: releasing the submission behind the API's back (its cells rewritten, the list
        // of known runtimes forgotten, nothing evicted) leaves the grey badge cached, until the cache is emptied.
        await Fixture.WithDatabaseAsync(db => db.Submissions.ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, "accepted")));
        await Fixture.WithServicesAsync(async services =>
        {
            var submission = await services.GetRequiredService<NearNativeDbContext>().Submissions.AsNoTracking().SingleAsync();
            await services.GetRequiredService<CellMaintenance>().RewriteAsync(CellGroup.Of(submission), ["nothing"], default);
            services.GetRequiredService<RuntimeDirectory>().Invalidate();
        });
        using (var cached = await Client.GetAsync("/badges/nothing.svg"))
        {
            Assert.Equal(HttpStatusCode.NotFound, cached.StatusCode);
            Assert.Equal(svg.Headers.ETag, cached.Headers.ETag);
        }

        await Fixture.ResetCacheAsync();
        using var fresh = await Client.GetAsync("/badges/nothing.svg");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task ABadgeForAnotherMetricSaysWhichInItsLabel()
    {
        await SubmitAsync(builder => builder.WithStartupRatio("wasmtime", 50).WithWorkloadRatio("wasmtime", "fib", 1.2));

        using var startup = await Client.GetAsync("/badges/wasmtime.svg?metric=startup-ratio");
        using var compute = await Client.GetAsync("/badges/wasmtime.svg?metric=category:compute");
        using var execution = await Client.GetAsync("/badges/wasmtime.svg?metric=execution");

        Assert.Equal("wasmtime start-up: 50.0× native", await TitleAsync(startup));
        Assert.Equal("wasmtime compute: 1.20× native", await TitleAsync(compute));
        Assert.Equal("wasmtime: 1.39× native", await TitleAsync(execution)); // (1.2 × 1.5 × 1.5)^(1/3)
        Assert.NotEqual(startup.Headers.ETag, compute.Headers.ETag);
    }

    [Fact]
    public async Task AGainBadgeIsGradedHigherIsBetter()
    {
        await SubmitAsync(builder => builder.WithPreinitGain("wasmer", 4));

        using var response = await Client.GetAsync("/badges/wasmer.json?metric=preinit-gain");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("wasmer pre-init gain", root.GetProperty("label").GetString());
        Assert.Equal("4.00× faster", root.GetProperty("message").GetString());
        Assert.Equal("green", root.GetProperty("color").GetString());
    }

    [Fact]
    public async Task AnUnknownMetricGetsAGreyBadgeOrAValidationProblem()
    {
        await SubmitAsync();

        using var svg = await Client.GetAsync("/badges/wasmtime.svg?metric=fastest");
        using var json = await Client.GetAsync("/badges/wasmtime.json?metric=fastest");

        Assert.Equal(HttpStatusCode.BadRequest, svg.StatusCode);
        Assert.Equal("wasmtime: invalid metric", await TitleAsync(svg));
        Assert.Contains("metric", (await json.AssertValidationProblemAsync()).Keys);
    }

    private static async Task<string> TitleAsync(HttpResponseMessage response) =>
        XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element(Svg + "title")!.Value;

    private async Task SubmitAsync(Func<ResultDocumentBuilder, ResultDocumentBuilder>? customize = null)
    {
        var key = await Client.RegisterNewKeyAsync();
        var builder = key.Document().WithRatio("wasmtime", 1.5).WithRatio("wasmer", 2.0);
        using var response = await Client.SubmitAsync(key, (customize ?? (b => b))(builder).Build());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
