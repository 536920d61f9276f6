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
    /// <param name="cells">The cells the candidate falls in, as loaded to update them.</param>
    public static string? QuarantineReason(Submission candidate, CellState cells)
    {
        // A noisy run never enters a figure, so it cannot move one.
        if (candidate.Noisy)
        {
            return null;
        }

        foreach (var runtime in candidate.Runtimes.OrderBy(r => r.Position))
        {
            foreach (var metric in CellComputation.ScreenedMetricsOf([runtime]))
            {
                if (metric.Read(runtime) is not { } figure)
                {
                    continue;
                }

                // A machine with only noisy submissions in the cell has no vote.
                double[] votes = [.. cells.OtherVotes(new CellKey(metric.Id, runtime.Slug, runtime.Version))];
                var logScale = metric.Scale == FigureScale.Ratio && figure.Value > 0 && votes.All(v => v > 0);
                var score = ModifiedZScore.Of(
                    logScale ? Math.Log(figure.Value) : figure.Value,
                    [.. votes.Select(v => logScale ? Math.Log(v) : v)]);
                if (ModifiedZScore.IsOutlier(score))
                {
                    return string.Create(CultureInfo.InvariantCulture,
                        $"Runtime {runtime.Slug} {Shorten(runtime.Version)}: {metric.Id} {figure.Value:G4} scores {score:F1} (modified z-score{(logScale ? ", log scale" : "")}) against the median {Quantiles.Median(votes):G4} of {votes.Length} other machines on this CPU key; the limit is ±{ModifiedZScore.Threshold}.");
                }
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
