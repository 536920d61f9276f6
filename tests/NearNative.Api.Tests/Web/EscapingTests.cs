using System.Net.Http.Json;
using NearNative.Api.Cpus;

namespace NearNative.Api.Tests.Web;

/// <summary>Contributors' text is shown as text: markup in a CPU brand or a display name creates no element and runs nothing.</summary>
[Collection(InTheBrowser.Name)]
public sealed class EscapingTests(WebFixture fixture)
{
    [Fact]
    public async Task MarkupInACpuBrandStaysText()
    {
        var cpu = (await fixture.Client.GetFromJsonAsync<CpusResponse>("/api/v1/cpus"))!.Cpus
            .Single(c => c.CpuKey.Contains("script", StringComparison.Ordinal));

        foreach (var path in new[] { "/cpus/" + cpu.CpuKey, "/submissions/" + fixture.Seeded.MarkupCpu.Id })
        {
            await using var page = await fixture.OpenAsync(path, path.StartsWith("/cpus/", StringComparison.Ordinal) ? "escaped-cpu" : null);

            Assert.Equal(WebSeed.MarkupBrand, await page.Page.Locator(".cpu-brand").First.InnerTextAsync());
            Assert.Equal(0, await page.Page.Locator("main script, main b").CountAsync());
            Assert.Equal("undefined", await page.Page.EvaluateAsync<string>("() => typeof window.__pwned"));
            page.AssertNoErrors();
        }
    }

    [Fact]
    public async Task MarkupInADisplayNameStaysText()
    {
        await using var page = await fixture.OpenAsync("/submissions/" + fixture.Seeded.ByNamedKey.Id, "escaped-name");

        Assert.Equal(WebSeed.MarkupName, await page.Page.Locator("#contributor").InnerTextAsync());
        Assert.Equal(0, await page.Page.Locator("#contributor *").CountAsync());
        Assert.Equal(0, await page.Page.Locator("main img").CountAsync());
        Assert.Equal("undefined", await page.Page.EvaluateAsync<string>("() => typeof window.__pwned"));
        page.AssertNoErrors();
    }
}
