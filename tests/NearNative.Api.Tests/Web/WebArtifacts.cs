namespace NearNative.Api.Tests.Web;

/// <summary>
/// Where the browser tests leave screenshots: <c>NEARNATIVE_TEST_ARTIFACTS</c>, else <c>TestResults/web</c> under the
/// test binaries (never committed). With <c>NEARNATIVE_UPDATE_SCREENSHOTS=1</c> the pages the README shows are copied
/// to <c>docs/screenshots/</c> as well.
/// </summary>
public static class WebArtifacts
{
    /// <summary>The screenshots the README links, by name.</summary>
    public static readonly string[] Published = ["home", "runtime", "trade-off"];

    public static string Directory { get; } = System.IO.Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("NEARNATIVE_TEST_ARTIFACTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "web")).FullName;

    public static void Publish(string screenshot)
    {
        var name = Path.GetFileNameWithoutExtension(screenshot);
        if (Environment.GetEnvironmentVariable("NEARNATIVE_UPDATE_SCREENSHOTS") != "1" || !Published.Contains(name))
        {
            return;
        }

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "NearNative.slnx")))
        {
            root = root.Parent;
        }

        var target = System.IO.Directory.CreateDirectory(Path.Combine(root?.FullName ?? throw new InvalidOperationException("No NearNative.slnx above the tests."), "docs", "screenshots"));
        File.Copy(screenshot, Path.Combine(target.FullName, name + ".png"), overwrite: true);
    }
}
