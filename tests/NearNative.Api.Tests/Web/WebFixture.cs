using Microsoft.Playwright;
using NearNative.Api.Tests.Fixtures;

namespace NearNative.Api.Tests.Web;

/// <summary>
/// The API as a real process on a fresh PostgreSQL database, seeded through the real submission endpoint, and
/// Debian's Chromium driven by Playwright. Without <c>/usr/bin/chromium</c> every test of the collection fails.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
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

    public async Task InitializeAsync()
    {
        _database = await ScratchDatabase.CreateAsync();
        _api = await ApiProcess.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = _database.ConnectionString });
        _client = _api.CreateClient();
        Seeded = await WebSeed.SubmitAsync(_client);
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

    public async Task DisposeAsync()
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

[CollectionDefinition(Name)]
public sealed class InTheBrowser : ICollectionFixture<WebFixture>
{
    public const string Name = "Website in Chromium";
}
