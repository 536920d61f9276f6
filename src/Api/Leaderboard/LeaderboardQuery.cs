using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Domain.Statistics;
using NearNative.Domain.Suite;

namespace NearNative.Api.Leaderboard;

/// <summary>
/// Builds leaderboard rows of one suite from its maintained cells: one row per (size, runtime slug, version), its CPU
/// cells combined with <see cref="CpuNormalizedRanking.Combine"/> so every CPU key weighs the same. It reads cells
/// only, never submissions, so its cost grows with runtimes and CPU keys, not with stored submissions. Noisy
/// submissions are counted in the cells and shown but never aggregated: a busy machine's figures would move the ranking.
/// </summary>
public static class LeaderboardQuery
{
    /// <param name="cpu">Only this CPU key's cell, so the global figure is that cell's; null for every CPU.</param>
    /// <param name="runtime">Only this runtime slug's rows; null for every runtime.</param>
    public static async Task<LeaderboardRows> RowsAsync(
        NearNativeDbContext db,
        string suite,
        string? size,
        LeaderboardMetric metric,
        string? cpu,
        CancellationToken cancellationToken,
        string? runtime = null)
    {
        var cells = await db.LeaderboardCells.AsNoTracking()
            .Where(c => c.Suite == suite
                && c.Metric == metric.Id
                && (runtime == null || c.RuntimeSlug == runtime)
                && (size == null || c.Size == size)
                && (cpu == null || c.CpuKey == cpu))
            .ToListAsync(cancellationToken);

        var groups = cells.GroupBy(c => (c.Size, c.RuntimeSlug, c.RuntimeVersion)).ToList();
        return new LeaderboardRows(
            [
                .. groups
                    .Where(g => g.Any(c => c.Figure is not null))
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
                    .Where(g => g.All(c => c.Figure is null))
                    .Select(g => new NoisyOnlyRow(
                        g.Key.Size,
                        g.Key.RuntimeSlug,
                        g.MaxBy(c => c.Newest)!.RuntimeName,
                        g.Key.RuntimeVersion,
                        g.MaxBy(c => c.Newest)!.Configuration,
                        g.Sum(c => c.NoisySubmissions),
                        g.Sum(c => c.NoisyMachines)))
                    .OrderBy(r => SizeOrder(r.Size))
                    .ThenBy(r => r.Size, StringComparer.Ordinal)
                    .ThenBy(r => r.Slug, StringComparer.Ordinal)
                    .ThenBy(r => r.Version, StringComparer.Ordinal),
            ]);
    }

    public static int SizeOrder(string size) => size == SuiteManifest.FullSize ? 0 : 1;

    private static LeaderboardRow ToRow(IGrouping<(string Size, string Slug, string Version), LeaderboardCell> group, LeaderboardMetric metric)
    {
        var counted = group.Where(c => c.Figure is not null).ToList();
        var newest = counted.MaxBy(c => c.Newest)!;
        var ranking = CpuNormalizedRanking.Combine(Votes(counted), metric.Scale);
        var secondaries = counted.Where(c => c.Secondary is not null).Select(c => (IReadOnlyList<double>)[c.Secondary!.Value]).ToList();
        var secondary = metric.Secondary is { } figure && secondaries.Count > 0
            ? CpuNormalizedRanking.CombinePoint(secondaries, figure.Scale)
            : (double?)null;
        var noisy = group
            .Where(c => c.NoisySubmissions > 0)
            .ToDictionary(c => c.CpuKey, c => c.NoisySubmissions, StringComparer.Ordinal);
        return new LeaderboardRow(
            0, group.Key.Size, group.Key.Slug, newest.RuntimeName, group.Key.Version, newest.Configuration, ranking, newest.Newest, secondary, noisy);
    }

    /// <summary>Cells with a figure, as the ranking arithmetic takes them.</summary>
    public static IReadOnlyList<CellVotes> Votes(IEnumerable<LeaderboardCell> cells) =>
    [
        .. cells.Select(c => new CellVotes(
            new CpuCell(c.CpuKey, c.Figure!.ToEstimate(), c.Machines, c.Submissions),
            c.MachineVotes)),
    ];
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
