using Microsoft.Playwright;

namespace NearNative.Api.Tests.Web;

/// <summary>One page in its own browser context, with every console error, page error and failed request it saw.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    public BrowserPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add("console: " + message.Text);
            }
        };
        page.PageError += (_, error) => _errors.Add("page: " + error);
        page.RequestFailed += (_, request) => _errors.Add($"request failed: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _errors.Add($"response {response.Status}: {response.Url}");
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>The status of the navigation that opened the page.</summary>
    public int? Status { get; set; }

    public IReadOnlyList<string> Errors => _errors;

    public void AssertNoErrors() => Assert.True(_errors.Count == 0, "The page reported errors:\n" + string.Join('\n', _errors));

    /// <summary>A full-page screenshot in the test results directory; with <c>NEARNATIVE_UPDATE_SCREENSHOTS</c> set, also in <c>docs/screenshots</c> if named there.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var path = Path.Combine(WebArtifacts.Directory, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        WebArtifacts.Publish(path);
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
