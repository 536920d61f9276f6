using NearNative.Domain.Statistics;

namespace NearNative.Agent.Measurement;

/// <summary>
/// The order of one round: every unit once, the units shuffled, and each unit's processes (native, every runtime,
/// the pre-initialised twin) back to back in a shuffled order of their own. A runtime sample is divided by native's
/// sample of the same round, so the two should see the same machine: on the development VM a process's slowdown
/// carried over to the next ones (autocorrelation 0.37 one process apart, 0.05 forty apart, 825 samples), so pairs
/// a whole round apart shared none of it and pairs a few seconds apart share much of it. Shuffling inside the block
/// keeps any effect of running first or after a given neighbour off every runtime alike. SplitMix64 rather than
/// <see cref="Random"/> so anyone can rebuild the order from the recorded seed on any .NET version.
/// </summary>
public static class RoundSchedule
{
    public static List<(WorkloadUnit Unit, MeasuredRun Run)> Order(IReadOnlyList<WorkloadUnit> units, SplitMix64 random)
    {
        var order = new List<(WorkloadUnit Unit, MeasuredRun Run)>();
        foreach (var unit in Shuffle(units.ToArray(), random))
        {
            order.AddRange(Shuffle(unit.Runs.ToArray(), random).Select(run => (unit, run)));
        }

        return order;
    }

    /// <summary>Fisher–Yates in place with the given generator; returns the same array.</summary>
    private static T[] Shuffle<T>(T[] items, SplitMix64 random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }
}
