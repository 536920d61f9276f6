using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using NearNative.Api.Cpus;
using NearNative.Api.Submissions;

namespace NearNative.Api.Tests.Web;

/// <summary>Every page in Chromium against the seeded data: what a visitor sees, and that nothing on it fails.</summary>
[Collection(InTheBrowser.Name)]
public sealed class PageTests(WebFixture fixture)
{
    [Theory]
    [InlineData("/", "home")]
    [InlineData("/runtimes/wasmtime", "runtime")]
    [InlineData("/cpus/" + WebSeed.IntelKey, "cpu")]
    [InlineData("/badges", "badges")]
    [InlineData("/contribute", "contribute")]
    [InlineData("/trade-off?w-compute=2&w-branchy=1&w-memory=1&requests=50&cpuMs=0.5", "trade-off")]
    public async Task EveryPageLoadsWithRealDataAndNoErrors(string path, string screenshot)
    {
        await using var page = await fixture.OpenAsync(path, screenshot);

        Assert.Equal(200, page.Status);
        Assert.Equal(1, await page.Page.Locator("h1").CountAsync());
        Assert.True(await page.Page.Locator("main").InnerTextAsync() is { Length: > 200 });
        page.AssertNoErrors();
    }

    [Fact]
    public async Task TheSubmissionPagesLoadWithNoErrors()
    {
        foreach (var (submission, name) in new[] { (fixture.Seeded.Intel, "submission"), (fixture.Seeded.Quarantined, "submission-quarantined") })
        {
            await using var page = await fixture.OpenAsync($"/submissions/{submission.Id}", name);
            Assert.Equal(200, page.Status);
            page.AssertNoErrors();
        }
    }

    [Fact]
    public async Task TheHomePageRanksRuntimesWithIntervalBarsAndLabels()
    {
        await using var page = await fixture.OpenAsync("/");

        var x86 = page.Page.Locator("section.board").Filter(new() { HasText = "x86_64, full size" });
        Assert.Equal(["wasm2c", "wasmtime", "wasmer", "node"], await Runtimes(x86));
        Assert.Equal(["1", "2", "3", "4"], await x86.Locator("tbody td:first-child").AllInnerTextsAsync());
        Assert.Equal(4, await x86.Locator("tbody svg.bar rect.interval").CountAsync());
        Assert.Contains("% of native", await x86.Locator("tbody tr").First.InnerTextAsync());

        // The Arm machine is alone on its architecture: its rows are its own and provisional.
        var arm = page.Page.Locator("section.board").Filter(new() { HasText = "aarch64, full size" });
        Assert.Equal(4, await arm.Locator(".tag.provisional").CountAsync());
        page.AssertNoErrors();
    }

    [Fact]
    public async Task TheHomeFiltersChangeTheTable()
    {
        await using var page = await fixture.OpenAsync("/");
        var wasmtime = page.Page.Locator("section.board").First.Locator("tr[data-runtime=wasmtime] td.figure");
        var overall = await wasmtime.InnerTextAsync();

        await Filter(page.Page, "category", "branchy");
        Assert.Contains("category=branchy", page.Page.Url);
        var branchy = await wasmtime.InnerTextAsync();
        Assert.NotEqual(overall, branchy);
        Assert.StartsWith("1.3", branchy);

        await Filter(page.Page, "category", "");
        await Filter(page.Page, "metric", "startup");
        Assert.EndsWith("ms over native", await wasmtime.InnerTextAsync());
        Assert.Equal("wasm2c", (await Runtimes(page.Page.Locator("section.board").First))[0]);

        await Filter(page.Page, "metric", "execution");
        await Filter(page.Page, "architecture", "aarch64");
        Assert.Equal(["aarch64, full size"], await page.Page.Locator("section.board h2").AllInnerTextsAsync());

        await Filter(page.Page, "architecture", "");
        await Filter(page.Page, "virtualisation", "vm");
        Assert.Equal(["x86_64, full size"], await page.Page.Locator("section.board h2").AllInnerTextsAsync());
        Assert.Equal("1", await page.Page.Locator("tr[data-runtime=wasmtime] td.machines").InnerTextAsync());

        var amd = (await fixture.Client.GetFromJsonAsync<CpusResponse>("/api/v1/cpus"))!.Cpus.Single(c => c.CpuKey.Contains("ryzen", StringComparison.Ordinal));
        await Filter(page.Page, "virtualisation", "");
        await Filter(page.Page, "cpu", amd.CpuKey);
        Assert.Contains($"cpu={Uri.EscapeDataString(amd.CpuKey)}", page.Page.Url);
        Assert.Equal("2", await page.Page.Locator("tr[data-runtime=wasmtime] td.machines").InnerTextAsync());
        page.AssertNoErrors();
    }

    [Fact]
    public async Task TheRuntimePageDrawsItsFiguresWithIntervals()
    {
        await using var page = await fixture.OpenAsync("/runtimes/wasmtime");

        var x86 = page.Page.Locator("section").Filter(new() { HasText = "x86_64, full size" }).First;
        var charts = x86.Locator("figure.chart");
        Assert.Equal(3, await charts.CountAsync());
        Assert.Equal(["compute", "branchy", "memory"], await Labels(charts.Nth(0)));
        Assert.Equal(["fib", "interp", "sha256"], await Labels(charts.Nth(1)));
        Assert.Equal(["30.0.0"], await Labels(charts.Nth(2)));
        foreach (var chart in await charts.AllAsync())
        {
            Assert.True(await chart.Locator("rect.interval").CountAsync() > 0);
            Assert.Equal(1, await chart.Locator("line.reference").CountAsync());
        }

        var figures = x86.Locator("table.figures");
        Assert.EndsWith("ms over native", await figures.Locator("tr[data-metric=startup] td").First.InnerTextAsync());
        Assert.Equal("14 MB floor", await figures.Locator("tr[data-metric=memory-floor] td").First.InnerTextAsync());
        Assert.Equal("1.30× native", await figures.Locator("tr[data-metric=memory] td").First.InnerTextAsync());
        page.AssertNoErrors();
    }

    [Fact]
    public async Task TheCpuPageShowsEveryRuntimeAndTheRunsBehindIt()
    {
        await using var page = await fixture.OpenAsync("/cpus/" + WebSeed.IntelKey);

        Assert.Equal(WebSeed.IntelBrand, await page.Page.Locator(".cpu-brand").First.InnerTextAsync());
        Assert.Equal(["wasm2c", "wasmtime", "wasmer", "node"], await Runtimes(page.Page.Locator("main table").First));
        Assert.Equal(0, await page.Page.Locator("main table .tag.provisional").CountAsync());

        // Three machines' accepted runs, the noisy one, the named key's and the quarantined one.
        var runs = page.Page.Locator("table.submissions tbody tr");
        Assert.Equal(6, await runs.CountAsync());
        Assert.Equal(1, await runs.Filter(new() { HasText = "quarantined" }).CountAsync());
        Assert.Equal(1, await runs.Filter(new() { HasText = "noisy" }).CountAsync());
        page.AssertNoErrors();
    }

    [Fact]
    public async Task TheSubmissionPageLinksDownloadItsRawSamples()
    {
        var id = fixture.Seeded.Intel.Id;
        await using var page = await fixture.OpenAsync($"/submissions/{id}");
        Assert.Equal("accepted", await page.Page.Locator("#status").InnerTextAsync());
        Assert.Equal("quiet", await page.Page.Locator("#noise").InnerTextAsync());
        Assert.Equal(4, await page.Page.Locator("table.workloads").CountAsync());

        var json = await DownloadAsync(page.Page, "#samples-json");
        using var samples = JsonDocument.Parse(json);
        Assert.Equal(id, samples.RootElement.GetProperty("submission").GetString());
        var count = samples.RootElement.GetProperty("samples").GetArrayLength();
        Assert.Contains($"{count} samples", await page.Page.Locator("#raw + p").InnerTextAsync());

        var csv = (await DownloadAsync(page.Page, "#samples-csv")).TrimEnd().Split('\n');
        Assert.Equal(string.Join(',', SubmissionQueriesApi.SamplesCsvHeader), csv[0].TrimEnd('\r'));
        Assert.Equal(count, csv.Length - 1);
        page.AssertNoErrors();
    }

    [Fact]
    public async Task AQuarantinedSubmissionShowsWhy()
    {
        await using var page = await fixture.OpenAsync($"/submissions/{fixture.Seeded.Quarantined.Id}");

        Assert.Equal("quarantined", await page.Page.Locator("#status").InnerTextAsync());
        Assert.Contains(fixture.Seeded.Quarantined.QuarantineReason!, await page.Page.Locator("#quarantine-reason").InnerTextAsync());
        page.AssertNoErrors();
    }

    [Fact]
    public async Task ABadgeSnippetIsCopiedAndItsBadgeIsAnSvg()
    {
        await using var page = await fixture.OpenAsync("/badges?runtime=wasmtime");
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);

        // Every preview on the page has loaded as an image.
        var previews = page.Page.Locator(".badge-variant img");
        Assert.True(await previews.CountAsync() >= 8);
        foreach (var preview in await previews.AllAsync())
        {
            await preview.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(preview).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await preview.EvaluateAsync<int>("i => i.naturalWidth") > 0);
        }

        var snippet = await page.Page.Locator("#markdown-0").InnerTextAsync();
        await page.Page.Locator("button[data-copy=markdown-0]").ClickAsync();
        Assert.Equal(snippet, await page.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        var url = System.Text.RegularExpressions.Regex.Match(snippet, @"\]\((?<url>[^)]+\.svg[^)]*)\)").Groups["url"].Value;
        Assert.StartsWith(fixture.Api.Address.ToString().TrimEnd('/') + "/badges/wasmtime.svg", url);
        using var badge = await fixture.Client.GetAsync(url);
        Assert.Equal("image/svg+xml", badge.Content.Headers.ContentType?.MediaType);
        var svg = await badge.Content.ReadAsStringAsync();
        Assert.StartsWith("<svg", svg);
        using var json = JsonDocument.Parse(await fixture.Client.GetStringAsync(url.Replace(".svg", ".json", StringComparison.Ordinal)));
        Assert.Contains(json.RootElement.GetProperty("message").GetString()!, System.Net.WebUtility.HtmlDecode(svg));
        page.AssertNoErrors();
    }

    [Fact]
    public async Task TheContributePageSaysHowToCheckWhatIsSent()
    {
        await using var page = await fixture.OpenAsync("/contribute");

        var text = await page.Page.Locator("main").InnerTextAsync();
        Assert.Contains("dotnet tool install --global NearNative.Agent", text);
        Assert.Contains("--dry-run", text);
        Assert.Contains($"--server {fixture.Api.Address.ToString().TrimEnd('/')}", text);
        Assert.Contains("weekly", text);
        page.AssertNoErrors();
    }

    [Fact]
    public async Task EveryPageIsUsableByKeyboardFromTheSkipLink()
    {
        await using var page = await fixture.OpenAsync("/");

        await page.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.Page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Page.Url);
        page.AssertNoErrors();
    }

    private static async Task Filter(IPage page, string name, string value)
    {
        await page.Locator($"select[name={name}]").SelectOptionAsync(value);
        await FormSubmission.SubmitAsync(page, page.Locator("form.filters button"));
    }

    private static async Task<IReadOnlyList<string>> Runtimes(ILocator scope) =>
        await scope.Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.runtime)");

    private static async Task<IReadOnlyList<string>> Labels(ILocator chart) =>
        await chart.Locator("text.label").AllTextContentsAsync();

    private static async Task<string> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(link).ClickAsync());
        return await File.ReadAllTextAsync(await download.PathAsync());
    }
}
