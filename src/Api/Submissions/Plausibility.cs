using System.Globalization;
using NearNative.Domain.Statistics;

namespace NearNative.Api.Submissions;

/// <summary>
/// Figures no real runtime produces. A submission with one is quarantined: kept and shown, left out of the
/// leaderboard, never deleted.
/// </summary>
public static class Plausibility
{
    public const double MinExecutionRatio = 0.01;
    public const double MaxExecutionRatio = 1000;

    /// <summary>Why the analysis is implausible, or null when it is plausible.</summary>
    public static string? QuarantineReason(IReadOnlyList<RuntimeAnalysis> runtimes)
    {
        foreach (var runtime in runtimes)
        {
            var ratios = runtime.Workloads
                .Where(w => !w.Workload.IsStartup && w.Ratio is not null)
                .Select(w => (Name: $"workload {w.Workload.Id}", w.Ratio!.Value))
                .Prepend(("execution", runtime.Execution?.Value ?? 1));
            foreach (var (name, value) in ratios)
            {
                if (value is < MinExecutionRatio or > MaxExecutionRatio)
                {
                    return string.Create(CultureInfo.InvariantCulture,
                        $"Runtime {runtime.Runtime.Id}: {name} ratio {value:G4} is outside [{MinExecutionRatio}, {MaxExecutionRatio}].");
                }
            }
        }

        return null;
    }
}
