using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using NearNative.Domain.Results;

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

        // A runtime that could not run some workloads (jsc has no file system) has no overall execution figure.
        var partial = document.Skipped.Where(s => s.Workloads is not null).Select(s => s.Name).ToHashSet();
        var measured = document.Runtimes.Where(r => !r.IsNative && !partial.Contains(r.Id)).Select(r => r.Id).ToList();
        Assert.Contains("wasmtime", measured);

        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        using var leaderboard = await http.GetFromJsonAsync<JsonDocument>("/api/v1/leaderboard");
        var rows = leaderboard!.RootElement.GetProperty("rows").EnumerateArray().ToList();
        if (document.Run.Noisy)
        {
            // A busy machine (as a loaded CI host can be) is shown but never ranked: every runtime is listed apart.
            Assert.Empty(rows);
            var noisy = leaderboard.RootElement.GetProperty("noisyOnly").EnumerateArray().Select(r => r.GetProperty("runtime").GetString()).ToList();
            Assert.All(measured, runtime => Assert.Contains(runtime, noisy));
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

        var wasmtime = rows.Single(r => r.GetProperty("runtime").GetString() == "wasmtime");
        var expected = wasmtime.GetProperty("slowdown").GetDouble().ToString("0.00", CultureInfo.InvariantCulture);
        var svg = XDocument.Parse(await http.GetStringAsync(new Uri("/badges/wasmtime.svg", UriKind.Relative)));
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value.Contains(expected, StringComparison.Ordinal));

        using var endpoint = await http.GetFromJsonAsync<JsonDocument>("/badges/wasmtime.json");
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
            TimeSpan.FromMinutes(5));
        Assert.True(exitCode == 0, $"nearnative {string.Join(' ', arguments)} exited {exitCode}\n{stdout}\n{stderr}\nAPI log:\n{api.Log}");
    }
}
