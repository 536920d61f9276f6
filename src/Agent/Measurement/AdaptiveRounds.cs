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
            if (runtime.Concat(native).Any(s => !IsValid(s, unit.ExpectedChecksum, run.WholeProcess)))
            {
                continue;
            }

            var ratios = PairedRatios(runtime, native, run.WholeProcess);
            if (!IsNarrow(ratios, targetHalfWidth))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsNarrow(IReadOnlyList<double> ratios, double targetHalfWidth) =>
        ratios.Count >= RunAnalysis.MinimumPairs
        && MedianInterval.Compute([.. ratios]).RelativeHalfWidth <= targetHalfWidth;

    /// <summary>Runtime over native, paired by round, as <see cref="RunAnalysis"/> pairs them.</summary>
    public static IReadOnlyList<double> PairedRatios(IReadOnlyList<Sample> runtime, IReadOnlyList<Sample> native, bool wholeProcess)
    {
        var baseline = native.GroupBy(s => s.Round).ToDictionary(g => g.Key, g => g.First());
        return
        [
            .. runtime
                .Where(s => baseline.ContainsKey(s.Round))
                .Select(s => (Runtime: s, Native: baseline[s.Round]))
                .Select(p => wholeProcess
                    ? (double)p.Runtime.WallNs / p.Native.WallNs
                    : (double)p.Runtime.KernelNs!.Value / p.Native.KernelNs!.Value),
        ];
    }

    private static bool IsValid(Sample sample, string expectedChecksum, bool wholeProcess) =>
        sample.Outcome == SampleOutcome.Ok
        && sample.Checksum == expectedChecksum
        && sample.WallNs > 0
        && (wholeProcess || sample.KernelNs > 0);
}
