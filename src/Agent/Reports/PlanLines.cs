using NearNative.Agent.Measurement;

namespace NearNative.Agent.Reports;

/// <summary>What <c>run</c> says before measuring: the rounds it plans, where its scratch files go and how much the file I/O workloads may write.</summary>
public static class PlanLines
{
    /// <param name="writes">The suite's write plan; null for a user's own program, whose writes are not known in advance.</param>
    public static IReadOnlyList<string> Describe(MeasurementPlan plan, WritePlan? writes)
    {
        var rounds = plan.Rounds.Minimum == plan.Rounds.Maximum ? $"{plan.Rounds.Minimum}" : $"{plan.Rounds.Minimum} to {plan.Rounds.Maximum}";
        var coldStart = plan.ColdStart.Count > 0 ? $" ({plan.Rounds.ColdStart} for cold start)" : "";
        return
        [
            $"plan: {plan.ColdStart.Count + plan.Workloads.Count} workloads × {plan.Runtimes.Count} runtimes, {rounds} measured rounds after a warm-up{coldStart}, "
                + $"at least {plan.MinimumProcesses} processes; scratch directory {plan.ScratchRoot}",
            Writes(writes),
        ];
    }

    private static string Writes(WritePlan? writes)
    {
        if (writes is null)
        {
            return "writes: your program's file writes are not known in advance, so --max-write does not limit them";
        }

        var cap = ByteSizeText.Format(writes.CapBytes);
        if (!writes.Capped)
        {
            return $"writes: the file I/O workloads write at most {ByteSizeText.Format(writes.PlannedBytes)} in all rounds (--max-write {cap})";
        }

        var limits = writes.CappedRounds
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Value == 0 ? $"{c.Key} is not run (too few rounds fit to give a ratio)" : $"{c.Key} gets at most {c.Value} measured rounds");
        return $"writes: all rounds would write {ByteSizeText.Format(writes.UncappedBytes)}, above --max-write {cap}: {string.Join(", ", limits)}; "
            + $"at most {ByteSizeText.Format(writes.PlannedBytes)} written (--max-write {ByteSizeText.Format(writes.UncappedBytes)} would run every round)";
    }
}
