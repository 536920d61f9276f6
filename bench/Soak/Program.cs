using System.Text.Json;
using NearNative.Soak.Cluster;
using NearNative.Soak.Scenarios;

namespace NearNative.Soak;

/// <summary>
/// The soak and fault harness: real API processes on a throw-away PostgreSQL cluster, simulated contributors writing
/// signed runs and readers reading, one fault per scenario, then a check that every acknowledged submission is stored
/// exactly once and every leaderboard cell equals a full recompute. Exit code 0 when every scenario passed.
/// </summary>
public static class SoakProgram
{
    public static async Task<int> Main(string[] args)
    {
        var repository = RepositoryRoot.Find();
        SoakOptions options;
        try
        {
            options = SoakOptions.Parse(args, repository);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync($"soak: {e.Message}\n{SoakOptions.Usage}");
            return 2;
        }

        var logs = Directory.CreateTempSubdirectory("nearnative-soak-").FullName;
        var postgres = new PostgresServer(repository, options.PostgresPort);
        await postgres.StartAsync();
        var results = new List<ScenarioResult>();
        try
        {
            var runner = new Runner(options, postgres, logs);
            foreach (var scenario in options.Scenarios.Select(name => Scenario.All.Single(s => s.Name == name)))
            {
                Console.WriteLine($"soak {scenario.Name}: {scenario.Description}, {options.Duration.TotalSeconds:F0} s, {options.Writers} writers, {options.Readers} readers");
                var result = await runner.RunAsync(scenario);
                results.Add(result);
                ConsoleReport.Print(result);
            }
        }
        finally
        {
            await postgres.StopAsync();
            if (options.Scenarios.Any(name => Scenario.All.Single(s => s.Name == name).Instances > 1))
            {
                await RedisServer.StopAsync(repository, options.RedisPort);
            }
        }

        if (options.Report is { } report)
        {
            await File.WriteAllTextAsync(report, JsonSerializer.Serialize(new { date = DateTimeOffset.UtcNow, command = string.Join(' ', args), load = LoadAverage(), results }, Json));
        }

        var passed = results.Count(r => r.Passed);
        Console.WriteLine($"soak: {passed} passed, {results.Count - passed} failed (API logs in {logs})");
        return passed == results.Count ? 0 : 1;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { WriteIndented = true };

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "";
}
