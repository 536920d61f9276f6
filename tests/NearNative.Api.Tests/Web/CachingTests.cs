using System.Net;
using System.Text.Json;
using NearNative.Api.Tests.Support;

namespace NearNative.Api.Tests.Web;

/// <summary>
/// The pages are served from the output cache with the REST reads' tags and HTTP caching, on their own API process,
/// so that no other test's requests move the counts.
/// </summary>
public sealed class CachingTests(ApiProcessFixture fixture) : IClassFixture<ApiProcessFixture>
{
    private const string Lookups = "nearnative_output_cache_lookups_total";

    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task TheHomePageIsACacheHitTheSecondTimeAndASubmissionEvictsIt()
    {
        var key = await _client.RegisterNewKeyAsync();
        await _client.SubmitCreatedAsync(key, key.Document().OnMachine("a").WithRatio("wasmtime", 1.5));

        var before = await PrometheusText.ScrapeAsync(_client);
        var first = await PageTextAsync("/");
        var second = await PageTextAsync("/");
        var after = await PrometheusText.ScrapeAsync(_client);

        Assert.Equal(first, second);
        Assert.Equal(1, after.Sum(Lookups, ("result", "miss"), ("route", "/")) - before.Sum(Lookups, ("result", "miss"), ("route", "/")));
        Assert.Equal(1, after.Sum(Lookups, ("result", "hit"), ("route", "/")) - before.Sum(Lookups, ("result", "hit"), ("route", "/")));
        Assert.Contains("1.50× native", first);

        // A new machine changes the wasmtime cell: the leaderboard tag goes, and the page with it.
        await _client.SubmitCreatedAsync(key, key.Document().OnMachine("b").WithRatio("wasmtime", 2.5));
        var evicted = await PrometheusText.ScrapeAsync(_client);
        var third = await PageTextAsync("/");
        var last = await PrometheusText.ScrapeAsync(_client);

        Assert.Equal(1, last.Sum(Lookups, ("result", "miss"), ("route", "/")) - evicted.Sum(Lookups, ("result", "miss"), ("route", "/")));
        Assert.Contains("2.00× native", third);
    }

    [Fact]
    public async Task APageHasAnETagAndCacheControlAndAnswers304ToItsETag()
    {
        using var page = await _client.GetAsync("/contribute");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=30, stale-while-revalidate=300", page.Headers.CacheControl?.ToString());
        var etag = page.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/contribute") { Headers = { IfNoneMatch = { etag } } };
        using var again = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task TheStylesheetIsServedUnderItsHashForAYear()
    {
        var home = await _client.GetStringAsync("/");
        var href = System.Text.RegularExpressions.Regex.Match(home, "href=\"(?<href>/assets/site\\.[0-9a-f]{12}\\.css)\"").Groups["href"].Value;

        using var css = await _client.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", css.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/assets/site.000000000000.css")).StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheRestApiOnly()
    {
        using var document = JsonDocument.Parse(await _client.GetStringAsync("/swagger/v1/swagger.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/v1/leaderboard", paths);
        Assert.All(paths, p => Assert.True(p.StartsWith("/api/", StringComparison.Ordinal) || p.StartsWith("/badges/", StringComparison.Ordinal), p));
    }

    [Fact]
    public async Task AnUnknownRuntimeIsA404PageAndABadFilterA400Page()
    {
        using var missing = await _client.GetAsync("/runtimes/nothing-here");
        using var invalid = await _client.GetAsync("/?metric=nonsense");

        Assert.Equal((HttpStatusCode.NotFound, "text/html"), (missing.StatusCode, missing.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("Must be one of", await invalid.Content.ReadAsStringAsync());
    }

    /// <summary>The page with its character references decoded, as a reader sees the text.</summary>
    private async Task<string> PageTextAsync(string path) => WebUtility.HtmlDecode(await _client.GetStringAsync(path));
}
