using System.Diagnostics;
using System.Text.Json;
using NearNative.Api.Tests.Fixtures;

namespace NearNative.Api.Tests.Operations;

/// <summary>
/// The generated OpenAPI document passes Redocly's recommended rules with no error and no warning. Redocly is the
/// version pinned in <c>tools/openapi</c> (<c>scripts/test</c> installs it with <c>npm ci</c>).
/// </summary>
[Collection(OnPostgres.Name)]
[Trait("Category", "Slow")]
public sealed class OpenApiLintTests(PostgresFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task TheOpenApiDocumentIsCleanUnderRedoclysRecommendedRules()
    {
        var tools = Path.Combine(RepositoryRoot(), "tools", "openapi");
        var redocly = Path.Combine(tools, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(redocly), $"Redocly is not installed: run `npm ci` in {tools} (scripts/test does).");
        var document = Path.Combine(Path.GetTempPath(), $"nearnative-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await Client.GetStringAsync("/swagger/v1/swagger.json"));

        try
        {
            var (exitCode, output, errors) = await RunAsync(tools, "node", redocly, "lint", "--config", "redocly.yaml", "--format", "json", document);

            Assert.True(output.Contains('{', StringComparison.Ordinal), "Redocly printed no report:\n" + errors);
            var report = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
            var problems = report.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}")
                .ToList();
            Assert.True(problems.Count == 0, string.Join('\n', problems));
            Assert.Equal((0, 0), (report.GetProperty("totals").GetProperty("errors").GetInt32(), report.GetProperty("totals").GetProperty("warnings").GetInt32()));
            Assert.Equal(0, exitCode);
        }
        finally
        {
            File.Delete(document);
        }
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string directory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No usage reports or update checks: the tests reach no network.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NearNative.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No NearNative.slnx above " + AppContext.BaseDirectory);
    }
}
