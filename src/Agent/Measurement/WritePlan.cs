using NearNative.Domain.Statistics;

namespace NearNative.Agent.Measurement;

/// <summary>
/// The bytes the file I/O workloads write at worst (every round up to the maximum, warm-up included) and the round
/// limits that keep them within <c>--max-write</c>. Inputs never shrink: a workload gets fewer rounds instead.
/// When the cap bites, every writing workload gets the same most rounds, the largest that fits, and what is left of the
/// cap goes to the cheapest ones first. A workload that cannot get even the fewest rounds that give a ratio (a warm-up and
/// three measured) is not run at all, the most expensive first, rather than write bytes that measure nothing.
/// </summary>
/// <param name="CapBytes">The cap the plan keeps.</param>
/// <param name="UncappedBytes">What every round up to the maximum would write.</param>
/// <param name="PlannedBytes">What the allowed rounds write at most; never above <see cref="CapBytes"/> once capped.</param>
/// <param name="CappedRounds">Each workload the cap held below the maximum, with the most measured rounds it gets; 0: not run.</param>
public sealed record WritePlan(long CapBytes, long UncappedBytes, long PlannedBytes, IReadOnlyDictionary<string, int> CappedRounds)
{
    public bool Capped => CappedRounds.Count > 0;

    public static WritePlan Compute(IReadOnlyList<WorkloadUnit> units, int maximumRounds, long capBytes)
    {
        var writers = units
            .Where(u => u.WritesPerRound > 0)
            .OrderBy(u => u.WritesPerRound)
            .ThenBy(u => u.Id, StringComparer.Ordinal)
            .ToList();
        var uncapped = writers.Sum(u => Bytes(u, maximumRounds));
        if (uncapped <= capBytes)
        {
            return new WritePlan(capBytes, uncapped, uncapped, new Dictionary<string, int>());
        }

        var fewest = Math.Min(RunAnalysis.MinimumPairs, maximumRounds);
        var rounds = new Dictionary<string, int>(StringComparer.Ordinal);
        var candidates = writers;
        while (candidates.Count > 0)
        {
            var perRound = candidates.Sum(u => u.WritesPerRound);
            var uniform = (int)Math.Min(maximumRounds, (capBytes / perRound) - 1);
            if (uniform < fewest)
            {
                rounds[candidates[^1].Id] = 0;
                candidates = candidates[..^1];
                continue;
            }

            var left = capBytes - ((uniform + 1) * perRound);
            foreach (var unit in candidates)
            {
                var extra = (int)Math.Min(maximumRounds - uniform, left / unit.WritesPerRound);
                left -= extra * unit.WritesPerRound;
                rounds[unit.Id] = uniform + extra;
            }

            break;
        }

        return new WritePlan(
            capBytes,
            uncapped,
            writers.Sum(u => rounds[u.Id] == 0 ? 0 : Bytes(u, rounds[u.Id])),
            rounds.Where(r => r.Value < maximumRounds).ToDictionary(StringComparer.Ordinal));
    }

    /// <summary>The units as the session runs them: a capped unit with its round limit, one the cap left out gone.</summary>
    public IReadOnlyList<WorkloadUnit> Apply(IReadOnlyList<WorkloadUnit> units) =>
    [
        .. units
            .Where(u => CappedRounds.GetValueOrDefault(u.Id, -1) != 0)
            .Select(u => CappedRounds.TryGetValue(u.Id, out var most) ? u with { MaxMeasuredRounds = most } : u),
    ];

    /// <summary>A warm-up round and <paramref name="measuredRounds"/> measured ones.</summary>
    private static long Bytes(WorkloadUnit unit, int measuredRounds) => (measuredRounds + 1L) * unit.WritesPerRound;
}
