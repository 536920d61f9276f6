using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Domain.Statistics;
using NearNative.Domain.Suite;

namespace NearNative.Api.Leaderboard;

/// <summary>
/// Builds leaderboard rows from accepted submissions of one suite: one row per (size, runtime slug, version),
/// aggregated with <see cref="CpuNormalizedRanking"/> so every machine votes once and every CPU key weighs the same.
/// </summary>
public static class LeaderboardQuery
{
    /// <param name="cpu">Only this CPU key's submissions, so the global figure is that CPU's cell; null for every CPU.</param>
    public static async Task<IReadOnlyList<LeaderboardRow>> RowsAsync(
        NearNativeDbContext db,
        string suite,
        string? size,
        LeaderboardMetric metric,
        string? cpu,
        CancellationToken cancellationToken)
    {
        var runtimes = db.RuntimeResults.AsNoTracking()
            .Join(db.Submissions, r => r.SubmissionId, s => s.Id, (r, s) => new { Runtime = r, Submission = s })
            .Where(x => x.Submission.Suite == suite
                && x.Submission.Status == SubmissionStatus.Accepted
                && (size == null || x.Submission.Size == size)
                && (cpu == null || x.Submission.CpuKey == cpu));

        var query = metric.Category is { } category
            ? runtimes.SelectMany(
                x => x.Runtime.Categories.Where(c => c.Category == category && c.Value != null),
                (x, c) => new RuntimeValue(
                    x.Submission.Size,
                    x.Runtime.Slug,
                    x.Runtime.Name,
                    x.Runtime.Version,
                    x.Runtime.Configuration,
                    x.Submission.CpuKey,
                    x.Submission.MachineId,
                    c.Value!.Value,
                    x.Submission.ReceivedAt))
            : runtimes
                .Where(x => EF.Property<double?>(x.Runtime, metric.Column!) != null)
                .Select(x => new RuntimeValue(
                    x.Submission.Size,
                    x.Runtime.Slug,
                    x.Runtime.Name,
                    x.Runtime.Version,
                    x.Runtime.Configuration,
                    x.Submission.CpuKey,
                    x.Submission.MachineId,
                    EF.Property<double?>(x.Runtime, metric.Column!)!.Value,
                    x.Submission.ReceivedAt));
        var values = await query.ToListAsync(cancellationToken);

        return
        [
            .. values
                .GroupBy(v => (v.Size, v.Slug, v.Version))
                .Select(ToRow)
                .GroupBy(r => r.Size)
                .OrderBy(g => g.Key == SuiteManifest.FullSize ? 0 : 1)
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => (metric.HigherIsBetter
                        ? g.OrderByDescending(r => r.Ranking.Ratio.Value)
                        : g.OrderBy(r => r.Ranking.Ratio.Value))
                    .ThenBy(r => r.Slug, StringComparer.Ordinal)
                    .Select((r, i) => r with { Rank = i + 1 })),
        ];
    }

    private static LeaderboardRow ToRow(IGrouping<(string Size, string Slug, string Version), RuntimeValue> group)
    {
        var newest = group.MaxBy(v => v.ReceivedAt)!;
        var ranking = CpuNormalizedRanking.Aggregate(group.Select(v => new SubmissionValue(v.CpuKey, v.MachineId, v.Value)))!;
        return new LeaderboardRow(0, group.Key.Size, group.Key.Slug, newest.Name, group.Key.Version, newest.Configuration, ranking, newest.ReceivedAt);
    }

    private sealed record RuntimeValue(
        string Size,
        string Slug,
        string Name,
        string Version,
        string Configuration,
        string CpuKey,
        string MachineId,
        double Value,
        DateTimeOffset ReceivedAt);
}

/// <param name="Newest">When the newest submission counted in the row arrived.</param>
public sealed record LeaderboardRow(
    int Rank,
    string Size,
    string Slug,
    string Name,
    string Version,
    string Configuration,
    Ranking Ranking,
    DateTimeOffset Newest);
