using NearNative.Domain.Results;
using NearNative.Domain.Statistics;

namespace NearNative.Agent.Measurement;

/// <summary>
/// Decides which units need another round: those where some runtime's median paired ratio still has a 95%
/// interval wider than the target. A runtime that failed or gave a wrong answer is left out of the decision:
/// more rounds cannot turn a failure into a ratio.
/// </summary>
public static class AdaptiveRounds
{
    public static IReadOnlyList<WorkloadUnit> Unsettled(IReadOnlyList<WorkloadUnit> units, IReadOnlyList<Sample> samples, double targetHalfWidth)
    {
        var measured = samples.Where(s => s.Stage == SampleStage.Measured).ToLookup(s => (s.Workload, s.Runtime));
        return [.. units.Where(u => !IsSettled(u, measured, targetHalfWidth))];
    }

    public static bool IsSettled(WorkloadUnit unit, ILookup<(string Workload, string Runtime), Sample> measured, double targetHalfWidth)
    {
        foreach (var run in unit.Runs.Where(r => r.Runtime != RuntimeInfo.NativeId))
        {
            var runtime = measured[(run.Workload, run.Runtime)].ToList();
            var native = measured[(run.BaselineWorkload, RuntimeInfo.NativeId)].ToList();
            if (runtime.Concat(native).Any(s => !RoundPairing.IsValid(s, unit.ExpectedChecksum, run.WholeProcess)))
            {
                continue;
            }

            if (!IsNarrow(RoundPairing.Ratios(runtime, native, unit.ExpectedChecksum, run.WholeProcess), targetHalfWidth))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsNarrow(IReadOnlyList<double> ratios, double targetHalfWidth) =>
        ratios.Count >= RunAnalysis.MinimumPairs
        && MedianInterval.Compute([.. ratios]).RelativeHalfWidth <= targetHalfWidth;
}
