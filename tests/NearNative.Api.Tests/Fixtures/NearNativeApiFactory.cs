using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace NearNative.Api.Tests.Fixtures;

/// <summary>The real application, configured with the given settings on top of its own.</summary>
public sealed class NearNativeApiFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public static string TestManifestPath => Path.Combine(AppContext.BaseDirectory, "TestSuite", "manifest.json");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Suites:Manifests:0"] = TestManifestPath,
            ["RateLimiting:PermitLimit"] = "100000",
        }));
    }
}
