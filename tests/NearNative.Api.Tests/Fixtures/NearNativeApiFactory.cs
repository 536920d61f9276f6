using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace NearNative.Api.Tests.Fixtures;

/// <summary>
/// The real application, configured with the given settings on top of its own and of the tests' defaults (the test
/// suite's manifest, rate limits out of the way); a test that is about a default names it in its settings.
/// </summary>
public sealed class NearNativeApiFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public static string TestManifestPath => Path.Combine(AppContext.BaseDirectory, "TestSuite", "manifest.json");

    public static IReadOnlyDictionary<string, string?> TestDefaults { get; } = new Dictionary<string, string?>
    {
        ["Suites:Manifests:0"] = TestManifestPath,
        ["RateLimiting:PermitLimit"] = "100000",
        ["RateLimiting:KeyPermitLimit"] = "100000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) => configuration
            .AddInMemoryCollection(TestDefaults)
            .AddInMemoryCollection(settings));
    }
}
