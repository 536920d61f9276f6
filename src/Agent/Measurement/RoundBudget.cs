namespace NearNative.Agent.Measurement;

/// <summary>
/// The whole-suite time budget. A round's duration is estimated from the rounds already run, unit by unit (a
/// round of extra rounds runs only some units), and no round starts that is expected to end past the budget.
/// </summary>
public sealed class RoundBudget(TimeSpan budget)
{
    private readonly Dictionary<string, (double TotalSeconds, int Rounds)> _history = [];

    public TimeSpan Budget => budget;

    /// <summary>What is left of <paramref name="budget"/> for the rounds once <paramref name="spent"/> is gone; never negative.</summary>
    public static TimeSpan Remaining(TimeSpan budget, TimeSpan spent) =>
        spent >= budget ? TimeSpan.Zero : budget - spent;

    /// <summary>How long one unit took in one round: all of its processes, with the agent's own work between them.</summary>
    public void Record(string unit, TimeSpan duration)
    {
        var (total, rounds) = _history.GetValueOrDefault(unit);
        _history[unit] = (total + duration.TotalSeconds, rounds + 1);
    }

    /// <summary>Mean past duration summed over the units; null while any of them has never run.</summary>
    public TimeSpan? Estimate(IEnumerable<string> units)
    {
        var seconds = 0.0;
        foreach (var unit in units)
        {
            if (!_history.TryGetValue(unit, out var h) || h.Rounds == 0)
            {
                return null;
            }

            seconds += h.TotalSeconds / h.Rounds;
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>
    /// Whether a round of these units may start after <paramref name="elapsed"/>. With no estimate yet (a unit's
    /// first round) it may start while any budget is left.
    /// </summary>
    public bool Allows(TimeSpan elapsed, IEnumerable<string> units) =>
        Estimate(units) is { } estimate ? elapsed + estimate <= budget : elapsed < budget;
}
