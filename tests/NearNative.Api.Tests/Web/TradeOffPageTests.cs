using Microsoft.Playwright;
using NearNative.Api.Tests.TradeOff;

namespace NearNative.Api.Tests.Web;

/// <summary>
/// The trade-off page on the worked example (see <see cref="TradeOffWorkedExample"/>): weights compute 3, memory 1,
/// branchy 0; t = 0.2 ms; N = 2; native by fork and exec. Every number checked here is worked out by hand there.
/// </summary>
[Collection(WorkedExampleInTheBrowser.Name)]
public sealed class TradeOffPageTests(WorkedExampleFixture fixture)
{
    private const string Asked = "/trade-off?w-compute=3&w-branchy=0&w-memory=1&requests=2&cpuMs=0.2&native=fork-exec";

    [Fact]
    public async Task TheFormAsksTheQuestionAndItsAddressIsTheAnswer()
    {
        await using var page = await fixture.OpenAsync("/trade-off");
        await page.Page.FillAsync("input[name=w-compute]", "3");
        await page.Page.FillAsync("input[name=w-branchy]", "0");
        await page.Page.FillAsync("input[name=w-memory]", "1");
        await page.Page.FillAsync("input[name=requests]", "2");
        await page.Page.FillAsync("input[name=cpuMs]", "0.2");
        await FormSubmission.SubmitAsync(page.Page, page.Page.Locator("form button"));

        var shared = new Uri(page.Page.Url).PathAndQuery;
        Assert.Contains("w-compute=3", shared);
        Assert.Contains("cpuMs=0.2", shared);
        await CheckWorkedExampleAsync(page.Page);
        page.AssertNoErrors();

        // The address alone, in a fresh browser, gives the same answer.
        await using var again = await fixture.OpenAsync(shared);
        await CheckWorkedExampleAsync(again.Page);
        again.AssertNoErrors();
    }

    [Fact]
    public async Task ThePageShowsTheWorkedExamplesNumbersAndTheFormula()
    {
        await using var page = await fixture.OpenAsync(Asked, "trade-off-worked-example");

        Assert.Equal(200, page.Status);
        await CheckWorkedExampleAsync(page.Page);
        Assert.Contains("compute 75%, memory 25%", await page.Page.Locator("#mix").InnerTextAsync());
        Assert.Equal(2, await page.Page.Locator("figure.chart").First.Locator("rect.interval").CountAsync());
        var formula = await page.Page.Locator("ol.formula li").AllInnerTextsAsync();
        Assert.Equal(NearNative.Api.TradeOff.TradeOffModel.Formula, formula);
        page.AssertNoErrors();
    }

    [Fact]
    public async Task ValuesTheEndpointRefusesAreShownBesideTheForm()
    {
        await using var page = await fixture.OpenAsync("/trade-off?requests=0&cpuMs=abc");

        Assert.Equal(400, page.Status);
        var problem = await page.Page.Locator(".problem").InnerTextAsync();
        Assert.Contains("whole number from 1", problem);
        Assert.Contains("decimal number of milliseconds", problem);
        Assert.Equal(1, await page.Page.Locator("form.tradeoff").CountAsync());
    }

    private static async Task CheckWorkedExampleAsync(IPage page)
    {
        // wasmtime: S = 1.2² = 1.44; in a host Δ = 0.44·0.2 − 0.48/2 = −0.152 ms, 0.298/0.45 = 0.662× native,
        // t* = 0.48/(2·0.44) = 0.545 ms, N* = 0.48/(0.44·0.2) = 5.455; as a process Δ = 0.088 + 4.0018/2 = 2.0889 ms, never.
        var wasmtime = page.Locator("table.tradeoff tr[data-runtime=wasmtime]");
        Assert.Equal("1.44× native", await wasmtime.Locator(".slowdown").InnerTextAsync());
        Assert.Equal("2.0 ms", await wasmtime.Locator(".process-start").InnerTextAsync());
        Assert.Equal("10 µs", await wasmtime.Locator(".instance-start").InnerTextAsync());
        Assert.Equal("250 µs", await wasmtime.Locator(".native-start").InnerTextAsync());

        var hosted = page.Locator("table.breakeven tr[data-runtime=wasmtime][data-kind=in-host]");
        Assert.Equal("−0.15 ms", await hosted.Locator(".extra").InnerTextAsync());
        Assert.Equal("0.66×", await hosted.Locator(".cost").InnerTextAsync());
        Assert.Equal("below 0.545 ms", await hosted.Locator(".t-star").InnerTextAsync());
        Assert.Equal("below 5.455", await hosted.Locator(".n-star").InnerTextAsync());

        var process = page.Locator("table.breakeven tr[data-runtime=wasmtime][data-kind=process]");
        Assert.Equal("+2.1 ms", await process.Locator(".extra").InnerTextAsync());
        Assert.Equal("never", await process.Locator(".t-star").InnerTextAsync());

        // wasmer: S = 2; Δ = 0.2 − 0.44/2 = −0.02 ms; 0.43/0.45 = 0.956×; t* = 0.44/2 = 0.22 ms; N* = 0.44/0.2 = 2.2.
        Assert.Equal("2.00× native", await page.Locator("table.tradeoff tr[data-runtime=wasmer] .slowdown").InnerTextAsync());
        var wasmer = page.Locator("table.breakeven tr[data-runtime=wasmer][data-kind=in-host]");
        Assert.Equal("−0.02 ms", await wasmer.Locator(".extra").InnerTextAsync());
        Assert.Equal("0.96×", await wasmer.Locator(".cost").InnerTextAsync());
        Assert.Equal("below 0.22 ms", await wasmer.Locator(".t-star").InnerTextAsync());
        Assert.Equal("below 2.2", await wasmer.Locator(".n-star").InnerTextAsync());
    }
}
