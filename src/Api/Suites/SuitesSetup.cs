using NearNative.Domain.Suite;

namespace NearNative.Api.Suites;

/// <summary>
/// Loads the manifests listed in <c>Suites:Manifests</c>; relative paths are tried against the content root,
/// then the application folder, where the build copies the repository's <c>suite/manifest.json</c>.
/// </summary>
public static class SuitesSetup
{
    public static WebApplicationBuilder AddSuites(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var environment = services.GetRequiredService<IHostEnvironment>();
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<SuiteCatalog>();
            var paths = configuration.GetSection("Suites:Manifests").Get<string[]>() ?? [];
            var manifests = new List<SuiteManifest>();
            foreach (var path in paths)
            {
                var file = Resolve(path, environment.ContentRootPath);
                if (file is null)
                {
                    logger.LogWarning("Suite manifest {Path} was not found; submissions for it will be refused.", path);
                    continue;
                }

                manifests.Add(SuiteManifest.Load(file));
            }

            return new SuiteCatalog(manifests);
        });
        return builder;
    }

    private static string? Resolve(string path, string contentRoot) =>
        Path.IsPathRooted(path)
            ? (File.Exists(path) ? path : null)
            : new[] { Path.Combine(contentRoot, path), Path.Combine(AppContext.BaseDirectory, path) }.FirstOrDefault(File.Exists);
}
