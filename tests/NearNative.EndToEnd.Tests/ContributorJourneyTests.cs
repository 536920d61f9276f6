using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using NearNative.Domain.Results;
using NearNative.Domain.Statistics;
using NearNative.Domain.Suite;

namespace NearNative.EndToEnd.Tests;

/// <summary>
/// The whole path on real parts: the real agent measures the real suite in quick mode, signs and submits
/// to the real API on PostgreSQL, and the result shows in the leaderboard and in the badge.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ContributorJourneyTests(ApiServer api) : IClassFixture<ApiServer>, IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("nearnative-e2e-").FullName;

    [Fact]
    public async Task AQuickRunSubmittedByTheAgentAppearsInTheLeaderboardAndTheBadge()
    {
        var resultFile = Path.Combine(_home, "r.json");
        await Agent("run", "--quick", "--max-wait", "0", "--out", resultFile);
        await Agent("keys", "init");
        await Agent("keys", "register", "--server", api.BaseAddress.ToString());
        await Agent("submit", resultFile, "--server", api.BaseAddress.ToString());

        var document = ResultJson.Deserialize(await File.ReadAllBytesAsync(resultFile));

        // What the server must show follows from the document alone: every runtime the run gave an overall figure
        // (the server recomputes it from the same samples). On a loaded machine a runtime can miss one, e.g. when
        // the time budget left a workload with too few rounds; that runtime is then rightly absent.
        var manifest = SuiteManifest.Load(Path.Combine(Repository.Root, "suite", "manifest.json"));
        var measured = RunAnalysis.Analyze(document, manifest.SpecsFor(document.Suite.Size))
            .Where(a => a.Execution is not null)
            .Select(a => a.Runtime.Id)
            .ToList();
        Assert.NotEmpty(measured);

        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        using var leaderboard = await http.GetFromJsonAsync<JsonDocument>("/api/v1/leaderboard");
        var rows = leaderboard!.RootElement.GetProperty("rows").EnumerateArray().ToList();
        var badgeRuntime = measured[0];
        if (document.Run.Noisy)
        {
            // A busy machine (as a loaded CI host can be) is shown but never ranked: every runtime is listed apart,
            // and its badge has nothing to show yet.
            Assert.Empty(rows);
            var noisy = leaderboard.RootElement.GetProperty("noisyOnly").EnumerateArray().Select(r => r.GetProperty("runtime").GetString()).ToList();
            Assert.All(measured, runtime => Assert.Contains(runtime, noisy));
            using var grey = await http.GetAsync(new Uri($"/badges/{badgeRuntime}.svg", UriKind.Relative));
            var greySvg = XDocument.Parse(await grey.Content.ReadAsStringAsync());
            Assert.Contains(greySvg.Descendants(), e => e.Name.LocalName == "text" && e.Value.Contains("no data", StringComparison.Ordinal));
            return;
        }

        foreach (var runtime in measured)
        {
            var row = Assert.Single(rows, r => r.GetProperty("runtime").GetString() == runtime);
            Assert.Equal("quick", row.GetProperty("size").GetString());
            Assert.Equal(1, row.GetProperty("machines").GetInt32());
            Assert.Equal(1, row.GetProperty("submissions").GetInt32());
            Assert.True(row.GetProperty("slowdown").GetDouble() > 0);
        }

        var ranked = rows.Single(r => r.GetProperty("runtime").GetString() == badgeRuntime);
        var expected = ranked.GetProperty("slowdown").GetDouble().ToString("0.00", CultureInfo.InvariantCulture);
        var svg = XDocument.Parse(await http.GetStringAsync(new Uri($"/badges/{badgeRuntime}.svg", UriKind.Relative)));
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value.Contains(expected, StringComparison.Ordinal));

        using var endpoint = await http.GetFromJsonAsync<JsonDocument>($"/badges/{badgeRuntime}.json");
        Assert.Equal(1, endpoint!.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Contains(expected, endpoint.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private async Task Agent(params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await ChildProcess.RunAsync(
            "dotnet",
            [Repository.AgentAssembly, .. arguments],
            new Dictionary<string, string> { ["NEARNATIVE_HOME"] = _home },

            // A safety net, not a timing: a quick run keeps to its own 5-minute budget, and a fresh home first
            // compiles the wasm2c modules (about a minute on a busy 2-core machine).
            TimeSpan.FromMinutes(10));
        Assert.True(exitCode == 0, $"nearnative {string.Join(' ', arguments)} exited {exitCode}\n{stdout}\n{stderr}\nAPI log:\n{api.Log}");
    }
}
