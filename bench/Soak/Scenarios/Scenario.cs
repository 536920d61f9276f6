namespace NearNative.Soak.Scenarios;

/// <summary>One soak scenario: how many API instances, and the fault it injects while the traffic runs.</summary>
public abstract class Scenario
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public virtual int Instances => 1;

    /// <summary>Runs beside the traffic until the deadline; leaves the database and every instance running.</summary>
    public abstract Task InjectAsync(ScenarioContext context, DateTimeOffset start, DateTimeOffset deadline);

    public static IReadOnlyList<Scenario> All { get; } =
        [new Steady(), new DatabaseRestart(), new ApiKills(), new ConnectionKills(), new TwoInstances()];
}

/// <summary>The load alone: the baseline every fault is compared with.</summary>
public sealed class Steady : Scenario
{
    public override string Name => "steady";

    public override string Description => "one API instance under the load, no fault";

    public override Task InjectAsync(ScenarioContext context, DateTimeOffset start, DateTimeOffset deadline) => ScenarioContext.Until(deadline);
}

/// <summary>Two API processes on one PostgreSQL and one Redis; clients alternate between them, as behind a load balancer.</summary>
public sealed class TwoInstances : Scenario
{
    public override string Name => "two-instances";

    public override string Description => "two API processes on one PostgreSQL and one Redis, requests alternating between them";

    public override int Instances => 2;

    public override Task InjectAsync(ScenarioContext context, DateTimeOffset start, DateTimeOffset deadline) => ScenarioContext.Until(deadline);
}

/// <summary>The API process SIGKILLed again and again while writes are in flight, and started again at once.</summary>
public sealed class ApiKills : Scenario
{
    public override string Name => "api-kill";

    public override string Description => "the API SIGKILLed during ingest (each time the restarted process has stored a run) and restarted";

    public override async Task InjectAsync(ScenarioContext context, DateTimeOffset start, DateTimeOffset deadline)
    {
        var stopKilling = await ScenarioContext.FaultSpanAsync(start, deadline);
        var kills = 0;
        while (DateTimeOffset.UtcNow < stopKilling)
        {
            var instance = context.Fleet.Instances[context.Random.Next(context.Fleet.Instances.Count)];
            var killed = DateTimeOffset.UtcNow;
            await instance.KillAsync();
            await instance.StartAsync();
            var restarted = DateTimeOffset.UtcNow;
            context.Window(new FaultWindow($"kill {++kills}", killed, restarted));

            // The next kill comes while the restarted process is ingesting: once it has stored a run, at a random moment.
            await AcknowledgedSinceAsync(context, restarted, stopKilling);
            await Task.Delay(TimeSpan.FromMilliseconds(context.Random.Next(100, 1500)));
        }

        context.Note($"{kills} SIGKILLs");
        await ScenarioContext.Until(deadline);
    }

    private static async Task AcknowledgedSinceAsync(ScenarioContext context, DateTimeOffset since, DateTimeOffset until)
    {
        while (DateTimeOffset.UtcNow < until
            && !context.Fleet.Ledger.Requests.Any(r => r.Kind == "write" && r.Status == 201 && r.At >= since))
        {
            await Task.Delay(100);
        }
    }
}

/// <summary>
/// pg_terminate_backend aimed at the API's write transactions: every few tens of milliseconds, now and then, the
/// sessions inside a transaction (or committing) are ended, and about once a second every session the API holds.
/// </summary>
public sealed class ConnectionKills : Scenario
{
    public override string Name => "conn-kill";

    public override string Description => "pg_terminate_backend on the API's sessions inside write transactions and commits, and on all of them each second";

    public override async Task InjectAsync(ScenarioContext context, DateTimeOffset start, DateTimeOffset deadline)
    {
        var stopKilling = await ScenarioContext.FaultSpanAsync(start, deadline);
        var from = DateTimeOffset.UtcNow;
        var nextSweep = from;
        var (rounds, sessions, inTransaction, committing) = (0, 0, 0, 0);
        while (DateTimeOffset.UtcNow < stopKilling)
        {
            var sweep = DateTimeOffset.UtcNow >= nextSweep;
            if (sweep || context.Random.NextDouble() < 0.3)
            {
                var ended = await context.Postgres.TerminateApiSessionsAsync(context.Database, all: sweep);
                (rounds, sessions, inTransaction, committing) =
                    (rounds + 1, sessions + ended.Sessions, inTransaction + ended.InTransaction, committing + ended.Committing);
                nextSweep = sweep ? DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1) : nextSweep;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(context.Random.Next(20, 60)));
        }

        context.Window(new FaultWindow("connection kills", from, DateTimeOffset.UtcNow));
        context.Note($"{rounds} rounds of pg_terminate_backend ended {sessions} API sessions, {inTransaction} inside a write transaction, {committing} while committing");
        await ScenarioContext.Until(deadline);
    }
}
