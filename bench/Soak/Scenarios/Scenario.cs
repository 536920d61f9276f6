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

    public override string Description => "the API SIGKILLed every few seconds during ingest and restarted";

    public override async Task InjectAsync(ScenarioContext context, DateTimeOffset start, DateTimeOffset deadline)
    {
        var length = deadline - start;
        var stopKilling = deadline - (length / 4);
        await ScenarioContext.Until(start + (length / 5));
        var kills = 0;
        while (DateTimeOffset.UtcNow < stopKilling)
        {
            var instance = context.Fleet.Instances[context.Random.Next(context.Fleet.Instances.Count)];
            var killed = DateTimeOffset.UtcNow;
            await instance.KillAsync();
            await instance.StartAsync();
            context.Window(new FaultWindow($"kill {++kills}", killed, DateTimeOffset.UtcNow));
            await Task.Delay(TimeSpan.FromMilliseconds(context.Random.Next(1000, 3000)));
        }

        context.Note($"{kills} SIGKILLs");
        await ScenarioContext.Until(deadline);
    }
}

/// <summary>pg_terminate_backend on every session the API holds, every few hundred milliseconds, so some die mid-transaction or mid-commit.</summary>
public sealed class ConnectionKills : Scenario
{
    public override string Name => "conn-kill";

    public override string Description => "pg_terminate_backend on the API's sessions every 100-400 ms, commits included";

    public override async Task InjectAsync(ScenarioContext context, DateTimeOffset start, DateTimeOffset deadline)
    {
        var length = deadline - start;
        var stopKilling = deadline - (length / 4);
        await ScenarioContext.Until(start + (length / 5));
        var from = DateTimeOffset.UtcNow;
        var (rounds, sessions, inTransaction, committing) = (0, 0, 0, 0);
        while (DateTimeOffset.UtcNow < stopKilling)
        {
            var ended = await context.Postgres.TerminateApiSessionsAsync(context.Database);
            (rounds, sessions, inTransaction, committing) =
                (rounds + 1, sessions + ended.Sessions, inTransaction + ended.InTransaction, committing + ended.Committing);
            await Task.Delay(TimeSpan.FromMilliseconds(context.Random.Next(100, 400)));
        }

        context.Window(new FaultWindow("connection kills", from, DateTimeOffset.UtcNow));
        context.Note($"{rounds} rounds of pg_terminate_backend ended {sessions} API sessions, {inTransaction} inside a write transaction, {committing} while committing");
        await ScenarioContext.Until(deadline);
    }
}
