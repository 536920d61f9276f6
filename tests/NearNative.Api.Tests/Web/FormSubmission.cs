using Microsoft.Playwright;

namespace NearNative.Api.Tests.Web;

/// <summary>Submitting a page's GET form the way a visitor does, and waiting for the answer page to be complete.</summary>
public static class FormSubmission
{
    /// <summary>
    /// Clicks <paramref name="button"/> and returns once a new document has replaced the current one and finished
    /// loading. A mark on the current document tells them apart, whichever of the response and the load event a busy
    /// machine delivers first.
    /// </summary>
    public static async Task SubmitAsync(IPage page, ILocator button)
    {
        await page.EvaluateAsync("() => { window.nearnativeBeforeSubmit = true; }");
        await button.ClickAsync();
        await page.WaitForFunctionAsync("() => window.nearnativeBeforeSubmit !== true && document.readyState === 'complete'");
    }
}
