using System.Diagnostics;
using System.Text.Json;
using NearNative.Api.Tests.Fixtures;

namespace NearNative.Api.Tests.Operations;

/// <summary>
/// The generated OpenAPI document passes Redocly's recommended rules with no error and no warning, both as a server
/// with an administrator token serves it (the administrator's operations and their bearer scheme included) and as one
/// without serves it (neither there). Redocly is the version pinned in <c>tools/openapi</c> (<c>scripts/test</c>
/// installs it with <c>npm ci</c>).
/// </summary>
[Trait("Category", "Slow")]
public abstract class OpenApiLintTests(ApiFixture fixture, bool administered) : ApiTest(fixture)
{
    [Fact]
    public async Task TheOpenApiDocumentIsCleanUnderRedoclysRecommendedRules()
    {
        var tools = Path.Combine(RepositoryRoot(), "tools", "openapi");
        var redocly = Path.Combine(tools, "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.True(File.Exists(redocly), $"Redocly is not installed: run `npm ci` in {tools} (scripts/test does).");
        var text = await Client.GetStringAsync("/swagger/v1/swagger.json");
        Assert.Equal(administered, text.Contains("\"/api/v1/admin/", StringComparison.Ordinal));
        Assert.Equal(administered, text.Contains("\"AdminToken\"", StringComparison.Ordinal));
        var document = Path.Combine(Path.GetTempPath(), $"nearnative-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, text);

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

/// <summary>PostgreSQL's application has an administrator token.</summary>
[Collection(OnPostgres.Name)]
public sealed class AdministeredOpenApiLintTests(PostgresFixture fixture) : OpenApiLintTests(fixture, administered: true);

/// <summary>SQLite's application has none.</summary>
[Collection(OnSqlite.Name)]
public sealed class UnadministeredOpenApiLintTests(SqliteFixture fixture) : OpenApiLintTests(fixture, administered: false);
