using NearNative.Domain.Statistics;

namespace NearNative.Agent.Measurement;

/// <summary>
/// The order of every round: each workload under each runtime exactly once, shuffled so that drift on the
/// machine hits all runtimes alike. SplitMix64 rather than <see cref="Random"/> so anyone can rebuild the
/// order from the recorded seed on any .NET version.
/// </summary>
public static class RoundSchedule
{
    public static IReadOnlyList<IReadOnlyList<ScheduledRun>> Create(
        IReadOnlyList<string> workloads,
        IReadOnlyList<string> runtimes,
        int rounds,
        int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rounds);
        var random = new SplitMix64(unchecked((ulong)seed));
        var schedule = new List<IReadOnlyList<ScheduledRun>>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            schedule.Add(Shuffle((from w in workloads from r in runtimes select new ScheduledRun(w, r)).ToArray(), random));
        }

        return schedule;
    }

    /// <summary>Fisher–Yates in place with the given generator; returns the same array.</summary>
    public static T[] Shuffle<T>(T[] items, SplitMix64 random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }
}
