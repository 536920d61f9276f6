using System.Diagnostics;
using NearNative.Soak.Cluster;
using NearNative.Soak.Load;
using NearNative.Soak.Scenarios;
using NearNative.Soak.Verification;

namespace NearNative.Soak;

/// <summary>Runs one scenario on a fresh database: start the instances, register the contributors, load and fault, verify.</summary>
public sealed class Runner(SoakOptions options, PostgresServer postgres, string logDirectory)
{
    public async Task<ScenarioResult> RunAsync(Scenario scenario)
    {
        var database = $"soak_{scenario.Name.Replace('-', '_')}_{Guid.NewGuid():N}";
        var connectionString = await postgres.CreateDatabaseAsync(database);
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings:Postgres"] = connectionString,
            };
            if (scenario.Instances > 1)
            {
                settings["ConnectionStrings:Redis"] = await RedisServer.ConnectionStringAsync(options.Repository, options.RedisPort);
                settings["Redis:KeyPrefix"] = $"{database}:";
            }

            var instances = Enumerable.Range(0, scenario.Instances)
                .Select(i => new ApiInstance(i, i == 0 ? settings : new Dictionary<string, string>(settings) { ["Database:MigrateOnStartup"] = "false" }, logDirectory))
                .ToList();
            var ledger = new Ledger();
            await using var fleet = new Fleet(instances, ledger);
            foreach (var instance in instances)
            {
                await instance.StartAsync();
            }

            using var population = await Population.RegisterAsync(fleet.Client(0), options.Contributors, options.MachinesEach, options.Seed);
            var traffic = new Traffic(fleet, population, options.Seed);
            var context = new ScenarioContext(postgres, database, fleet, population, traffic, options.Seed);

            var clock = Stopwatch.StartNew();
            var start = DateTimeOffset.UtcNow;
            var deadline = start + options.Duration;
            await Task.WhenAll(traffic.RunAsync(options.Writers, options.Readers, deadline), scenario.InjectAsync(context, start, deadline));
            var seconds = clock.Elapsed.TotalSeconds;

            foreach (var instance in instances.Where(i => !i.IsRunning))
            {
                await instance.StartAsync();
            }

            var verdict = await Verifier.VerifyAsync(connectionString, ledger, fleet.Client(0));
            if (traffic.GaveUp > 0)
            {
                context.Note($"{traffic.GaveUp} runs given up after {Traffic.GiveUpAfter.TotalSeconds} s of retries");
            }

            var notFound = ledger.Requests.Where(r => r.Status == 404).Select(r => r.Path).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (notFound.Count > 0)
            {
                context.Note($"404 answers came from: {string.Join(", ", notFound)}");
            }

            return ScenarioResult.Of(scenario, context, ledger, verdict, seconds, options.Writers, options.Readers);
        }
        finally
        {
            await postgres.DropDatabaseAsync(database);
        }
    }
}
