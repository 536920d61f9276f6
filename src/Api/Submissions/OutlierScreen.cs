using System.Globalization;
using NearNative.Api.Data;
using NearNative.Api.Leaderboard;
using NearNative.Domain.Statistics;

namespace NearNative.Api.Submissions;

/// <summary>
/// Quarantine by evidence: a quiet submission whose figure for any leaderboard metric lies beyond
/// <see cref="ModifiedZScore.Threshold"/> modified z-scores from the votes of the other machines in the same cell
/// (same suite, size, CPU key, runtime version and metric) is quarantined. Ratios are scored on the log scale, where
/// twice as slow and twice as fast are equally far; amounts on their own scale. A cell with fewer than
/// <see cref="ModifiedZScore.MinimumReference"/> other machines has too little evidence, and nothing is scored.
/// </summary>
public static class OutlierScreen
{
    /// <summary>Why the submission is an outlier in one of its cells, or null when it is not (or cannot be told).</summary>
    /// <param name="stored">The accepted submissions of the candidate's group, as loaded for cell maintenance.</param>
    public static string? QuarantineReason(Submission candidate, IReadOnlyList<CellInput> stored)
    {
        // A noisy run never enters a figure, so it cannot move one.
        if (candidate.Noisy)
        {
            return null;
        }

        var peers = stored
            .Where(i => !i.Noisy && i.MachineId != candidate.MachineId)
            .SelectMany(i => i.Runtimes.Select(r => (i.MachineId, Runtime: r)))
            .ToList();
        foreach (var runtime in candidate.Runtimes.OrderBy(r => r.Position))
        {
            var sameVersion = peers.Where(p => p.Runtime.Slug == runtime.Slug && p.Runtime.Version == runtime.Version).ToList();
            foreach (var metric in CellComputation.ScreenedMetricsOf([runtime]))
            {
                if (metric.Read(runtime) is not { } figure)
                {
                    continue;
                }

                var votes = CellComputation.MachineVotes(sameVersion
                    .Select(p => (p.MachineId, Figure: metric.Read(p.Runtime)))
                    .Where(p => p.Figure is not null)
                    .Select(p => (p.MachineId, p.Figure!.Value)));
                var logScale = metric.Scale == FigureScale.Ratio && figure.Value > 0 && votes.Values.All(v => v > 0);
                var score = ModifiedZScore.Of(
                    logScale ? Math.Log(figure.Value) : figure.Value,
                    [.. votes.Values.Select(v => logScale ? Math.Log(v) : v)]);
                if (ModifiedZScore.IsOutlier(score))
                {
                    return string.Create(CultureInfo.InvariantCulture,
                        $"Runtime {runtime.Slug} {Shorten(runtime.Version)}: {metric.Id} {figure.Value:G4} scores {score:F1} (modified z-score{(logScale ? ", log scale" : "")}) against the median {Quantiles.Median([.. votes.Values]):G4} of {votes.Count} other machines on this CPU key; the limit is ±{ModifiedZScore.Threshold}.");
                }
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
