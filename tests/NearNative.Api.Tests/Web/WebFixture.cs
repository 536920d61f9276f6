using Microsoft.Playwright;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;

namespace NearNative.Api.Tests.Web;

/// <summary>
/// The API as a real process on a fresh PostgreSQL database, seeded through the real submission endpoint, and
/// Debian's Chromium driven by Playwright. Without <c>/usr/bin/chromium</c> every test of the collection fails.
/// </summary>
public class WebFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private ScratchDatabase? _database;
    private ApiProcess? _api;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private HttpClient? _client;

    public ApiProcess Api => _api ?? throw new InvalidOperationException("The fixture has not started.");

    public HttpClient Client => _client ?? throw new InvalidOperationException("The fixture has not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    public SeededData Seeded { get; private set; } = null!;

    /// <summary>What the browser tests look at, submitted as contributors submit.</summary>
    protected virtual async Task SeedAsync(HttpClient client) => Seeded = await WebSeed.SubmitAsync(client);

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.CreateAsync();
        _api = await ApiProcess.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = _database.ConnectionString });
        _client = _api.CreateClient();
        await SeedAsync(_client);
        _playwright = await Playwright.CreateAsync();
        _browser = await LaunchAsync(_playwright);
    }

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (scripts/test does).");
        }

        return await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>A fresh browser context on a page at <paramref name="path"/>, recording every console error and failed request.</summary>
    public async Task<BrowserPage> OpenAsync(string path, string? screenshot = null)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Api.Address.ToString(), AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var browserPage = new BrowserPage(context, page);
        var response = await page.GotoAsync(path);
        browserPage.Status = response?.Status;
        if (screenshot is not null)
        {
            await browserPage.ScreenshotAsync(screenshot);
        }

        return browserPage;
    }

    public virtual async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _client?.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>The trade-off's worked example: one machine whose every figure is known, so the page's numbers can be checked by hand.</summary>
public sealed class WorkedExampleFixture : WebFixture
{
    protected override async Task SeedAsync(HttpClient client)
    {
        var key = await client.RegisterNewKeyAsync();
        await client.SubmitCreatedAsync(key, TradeOff.TradeOffWorkedExample.Document(key));
    }
}

[CollectionDefinition(Name)]
public sealed class InTheBrowser : ICollectionFixture<WebFixture>
{
    public const string Name = "Website in Chromium";
}

[CollectionDefinition(Name)]
public sealed class WorkedExampleInTheBrowser : ICollectionFixture<WorkedExampleFixture>
{
    public const string Name = "Trade-off worked example in Chromium";
}
