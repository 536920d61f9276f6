using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Domain.Statistics;
using NearNative.Domain.Suite;

namespace NearNative.Api.Leaderboard;

/// <summary>
/// Builds leaderboard rows from accepted submissions of one suite: one row per (size, runtime slug, version),
/// aggregated with <see cref="CpuNormalizedRanking"/> so every machine votes once and every CPU key weighs the same.
/// Noisy submissions are counted and shown but never aggregated: a busy machine's figures would move the ranking.
/// </summary>
public static class LeaderboardQuery
{
    /// <param name="filter">The submissions and runtimes that count; with one CPU key the global figure is that CPU's cell.</param>
    public static async Task<LeaderboardRows> RowsAsync(
        NearNativeDbContext db,
        LeaderboardFilter filter,
        LeaderboardMetric metric,
        CancellationToken cancellationToken)
    {
        var runtimes = filter.Apply(db.RuntimeResults.AsNoTracking())
            .Join(filter.Apply(db.Submissions), r => r.SubmissionId, s => s.Id, (r, s) => new { Runtime = r, Submission = s });

        // One projection serves every metric stored on RuntimeResult (or, for a workload, on WorkloadResult): the column names are the metric's. A metric
        // without a secondary figure, or without an interval, reads its own value again in that place, and it is never used.
        var columns = metric.Columns;
        var secondary = metric.Secondary?.Column ?? columns?.Value;
        var lower = columns?.Lower ?? columns?.Value;
        var upper = columns?.Upper ?? columns?.Value;
        var confidence = columns?.Confidence ?? columns?.Value;
        var query = metric.Workload is { } workload
            ? runtimes.SelectMany(
                x => x.Runtime.Workloads.Where(w => w.Workload == workload && EF.Property<double?>(w, columns!.Value) != null),
                (x, w) => new RuntimeValue(
                    x.Submission.Size,
                    x.Runtime.Slug,
                    x.Runtime.Name,
                    x.Runtime.Version,
                    x.Runtime.Configuration,
                    x.Submission.CpuKey,
                    x.Submission.MachineId,
                    x.Submission.Noisy,
                    EF.Property<double?>(w, columns!.Value)!.Value,
                    EF.Property<double?>(w, lower!),
                    EF.Property<double?>(w, upper!),
                    EF.Property<double?>(w, confidence!),
                    null,
                    x.Submission.ReceivedAt))
            : metric.Category is { } category
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
                    x.Submission.Noisy,
                    c.Value!.Value,
                    c.Lower,
                    c.Upper,
                    c.Confidence,
                    null,
                    x.Submission.ReceivedAt))
            : runtimes
                .Where(x => EF.Property<double?>(x.Runtime, columns!.Value) != null)
                .Select(x => new RuntimeValue(
                    x.Submission.Size,
                    x.Runtime.Slug,
                    x.Runtime.Name,
                    x.Runtime.Version,
                    x.Runtime.Configuration,
                    x.Submission.CpuKey,
                    x.Submission.MachineId,
                    x.Submission.Noisy,
                    EF.Property<double?>(x.Runtime, columns!.Value)!.Value,
                    EF.Property<double?>(x.Runtime, lower!),
                    EF.Property<double?>(x.Runtime, upper!),
                    EF.Property<double?>(x.Runtime, confidence!),
                    EF.Property<double?>(x.Runtime, secondary!),
                    x.Submission.ReceivedAt));
        var values = await query.ToListAsync(cancellationToken);
        if (columns is { HasInterval: false })
        {
            values = [.. values.Select(v => v with { Lower = null, Upper = null, Confidence = null })];
        }

        var groups = values.GroupBy(v => (v.Size, v.Slug, v.Version)).ToList();
        return new LeaderboardRows(
            [
                .. groups
                    .Where(g => g.Any(v => !v.Noisy))
                    .Select(g => ToRow(g, metric))
                    .GroupBy(r => r.Size)
                    .OrderBy(g => SizeOrder(g.Key))
                    .ThenBy(g => g.Key, StringComparer.Ordinal)
                    .SelectMany(g => (metric.HigherIsBetter
                            ? g.OrderByDescending(r => r.Ranking.Figure.Value)
                            : g.OrderBy(r => r.Ranking.Figure.Value))
                        .ThenBy(r => r.Slug, StringComparer.Ordinal)
                        .Select((r, i) => r with { Rank = i + 1 })),
            ],
            [
                .. groups
                    .Where(g => g.All(v => v.Noisy))
                    .Select(g => new NoisyOnlyRow(
                        g.Key.Size,
                        g.Key.Slug,
                        g.MaxBy(v => v.ReceivedAt)!.Name,
                        g.Key.Version,
                        g.MaxBy(v => v.ReceivedAt)!.Configuration,
                        g.Count(),
                        g.Select(v => v.MachineId).Distinct(StringComparer.Ordinal).Count()))
                    .OrderBy(r => SizeOrder(r.Size))
                    .ThenBy(r => r.Size, StringComparer.Ordinal)
                    .ThenBy(r => r.Slug, StringComparer.Ordinal)
                    .ThenBy(r => r.Version, StringComparer.Ordinal),
            ]);
    }

    private static int SizeOrder(string size) => size == SuiteManifest.FullSize ? 0 : 1;

    private static LeaderboardRow ToRow(IGrouping<(string Size, string Slug, string Version), RuntimeValue> group, LeaderboardMetric metric)
    {
        var counted = group.Where(v => !v.Noisy).ToList();
        var newest = counted.MaxBy(v => v.ReceivedAt)!;
        var ranking = CpuNormalizedRanking.Aggregate(counted.Select(Value), metric.Scale)!;
        var secondary = metric.Secondary is { } figure
            ? CpuNormalizedRanking.Aggregate(
                counted.Where(v => v.Secondary is not null).Select(v => new SubmissionValue(v.CpuKey, v.MachineId, v.Secondary!.Value)),
                figure.Scale)?.Figure.Value
            : null;
        var noisy = group
            .Where(v => v.Noisy)
            .GroupBy(v => v.CpuKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new LeaderboardRow(
            0, group.Key.Size, group.Key.Slug, newest.Name, group.Key.Version, newest.Configuration, ranking, newest.ReceivedAt, secondary, noisy);
    }

    private static SubmissionValue Value(RuntimeValue v) => new(
        v.CpuKey,
        v.MachineId,
        v.Value,
        v is { Lower: { } lower, Upper: { } upper, Confidence: { } confidence } ? new Estimate(v.Value, lower, upper, confidence) : null);

    private sealed record RuntimeValue(
        string Size,
        string Slug,
        string Name,
        string Version,
        string Configuration,
        string CpuKey,
        string MachineId,
        bool Noisy,
        double Value,
        double? Lower,
        double? Upper,
        double? Confidence,
        double? Secondary,
        DateTimeOffset ReceivedAt);
}

/// <param name="Ranked">Rows with at least one quiet submission, ranked.</param>
/// <param name="NoisyOnly">Runtime versions whose every submission was noisy: listed, never ranked.</param>
public sealed record LeaderboardRows(IReadOnlyList<LeaderboardRow> Ranked, IReadOnlyList<NoisyOnlyRow> NoisyOnly);

/// <param name="Newest">When the newest submission counted in the row arrived.</param>
/// <param name="Secondary">The metric's secondary figure over the same submissions, e.g. the start-up ratio; null when it has none.</param>
/// <param name="NoisyByCpu">Noisy submissions per CPU key: shown, left out of <see cref="Ranking"/>.</param>
public sealed record LeaderboardRow(
    int Rank,
    string Size,
    string Slug,
    string Name,
    string Version,
    string Configuration,
    Ranking Ranking,
    DateTimeOffset Newest,
    double? Secondary,
    IReadOnlyDictionary<string, int> NoisyByCpu)
{
    public int NoisySubmissions => NoisyByCpu.Values.Sum();
}

public sealed record NoisyOnlyRow(string Size, string Slug, string Name, string Version, string Configuration, int NoisySubmissions, int Machines);
