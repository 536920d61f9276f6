using NearNative.Soak.Cluster;
using NearNative.Soak.Load;

namespace NearNative.Soak.Scenarios;

/// <summary>What a scenario's fault can act on while the traffic runs, and where it writes down what it did.</summary>
public sealed class ScenarioContext(PostgresServer postgres, string database, Fleet fleet, Population population, Traffic traffic, int seed)
{
    private readonly List<FaultWindow> _windows = [];
    private readonly List<string> _notes = [];

    public PostgresServer Postgres { get; } = postgres;

    public string Database { get; } = database;

    public Fleet Fleet { get; } = fleet;

    public Population Population { get; } = population;

    public Traffic Traffic { get; } = traffic;

    public Random Random { get; } = new(seed);

    public IReadOnlyList<FaultWindow> Windows => _windows;

    /// <summary>Figures a scenario reports besides the requests, e.g. how many sessions it ended.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Checks a scenario makes of its own; any entry fails it.</summary>
    public List<string> Failures { get; } = [];

    public void Window(FaultWindow window) => _windows.Add(window);

    public void Note(string note) => _notes.Add(note);

    /// <summary>
    /// Waits until a fifth of the run has passed and returns when a repeated fault stops: at three quarters, so the run
    /// has a quiet start to compare with and a quiet end in which every retry can finish.
    /// </summary>
    public static async Task<DateTimeOffset> FaultSpanAsync(DateTimeOffset start, DateTimeOffset deadline)
    {
        var length = deadline - start;
        await Until(start + (length / 5));
        return deadline - (length / 4);
    }

    public static Task Until(DateTimeOffset at) =>
        at > DateTimeOffset.UtcNow ? Task.Delay(at - DateTimeOffset.UtcNow) : Task.CompletedTask;
}

/// <summary>From the moment the fault began to the moment its cause was removed (the server started again).</summary>
public sealed record FaultWindow(string Fault, DateTimeOffset Start, DateTimeOffset End);
