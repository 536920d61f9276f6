using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Domain.Cpu;
using NearNative.Domain.Statistics;
using NearNative.Domain.Suite;

namespace NearNative.Api.Leaderboard;

/// <summary>
/// Builds leaderboard rows of one suite from its maintained cells: one row per (size, runtime slug, version,
/// architecture), its CPU cells combined with <see cref="CpuNormalizedRanking.Combine"/> so every CPU key weighs the
/// same. Two architectures are never pooled: each has its own rows, ranked among themselves. It reads cells only,
/// never submissions, so its cost grows with runtimes and CPU keys, not with stored submissions. Noisy submissions
/// are counted in the cells and shown but never aggregated: a busy machine's figures would move the ranking.
/// </summary>
public static class LeaderboardQuery
{
    /// <param name="filter">The cells that count; with one CPU key the global figure is that CPU's cell.</param>
    public static async Task<LeaderboardRows> RowsAsync(
        NearNativeDbContext db,
        LeaderboardFilter filter,
        LeaderboardMetric metric,
        CancellationToken cancellationToken)
    {
        var cells = await filter.Apply(db.LeaderboardCells.AsNoTracking())
            .Where(c => c.Metric == metric.Id)
            .ToListAsync(cancellationToken);
        return Rows(cells, metric);
    }

    /// <summary>The rows of <paramref name="metric"/>'s cells (cells of other metrics must not be among them).</summary>
    public static LeaderboardRows Rows(IEnumerable<LeaderboardCell> cells, LeaderboardMetric metric)
    {
        var groups = cells.GroupBy(c => new RowKey(c.Size, c.RuntimeSlug, c.RuntimeVersion, CpuKey.ArchitectureOf(c.CpuKey))).ToList();
        return new LeaderboardRows(
            [
                .. groups
                    .Where(g => g.Any(c => c.Figure is not null))
                    .Select(g => ToRow(g, metric))
                    .GroupBy(r => (r.Size, r.Architecture))
                    .OrderBy(g => g.Key, Placement)
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
                        g.Key.Architecture,
                        g.Key.Slug,
                        g.MaxBy(c => c.Newest)!.RuntimeName,
                        g.Key.Version,
                        g.MaxBy(c => c.Newest)!.Configuration,
                        g.Sum(c => c.NoisySubmissions),
                        g.Sum(c => c.NoisyMachines)))
                    .OrderBy(r => (r.Size, r.Architecture), Placement)
                    .ThenBy(r => r.Slug, StringComparer.Ordinal)
                    .ThenBy(r => r.Version, StringComparer.Ordinal),
            ]);
    }

    /// <summary>Where a (size, architecture) group of rows is listed: full size first, then x86-64, then the others by name.</summary>
    public static IComparer<(string Size, string Architecture)> Placement { get; } =
        Comparer<(string Size, string Architecture)>.Create((a, b) => new[]
        {
            SizeOrder(a.Size).CompareTo(SizeOrder(b.Size)),
            string.CompareOrdinal(a.Size, b.Size),
            ArchitectureOrder(a.Architecture).CompareTo(ArchitectureOrder(b.Architecture)),
            string.CompareOrdinal(a.Architecture, b.Architecture),
        }.FirstOrDefault(c => c != 0));

    public static int SizeOrder(string size) => size == SuiteManifest.FullSize ? 0 : 1;

    /// <summary>x86-64 first, the architecture most machines have; the others after it by name.</summary>
    public static int ArchitectureOrder(string architecture) => architecture == CpuKey.DefaultArchitecture ? 0 : 1;

    private static LeaderboardRow ToRow(IGrouping<RowKey, LeaderboardCell> group, LeaderboardMetric metric)
    {
        var counted = group.Where(c => c.Figure is not null).ToList();
        var newest = counted.MaxBy(c => c.Newest)!;
        var ranking = CpuNormalizedRanking.Combine(Cells(counted), metric.Scale);
        var secondaries = counted.Where(c => c.Secondary is not null).Select(c => (IReadOnlyList<double>)[c.Secondary!.Value]).ToList();
        var secondary = metric.Secondary is { } figure && secondaries.Count > 0
            ? CpuNormalizedRanking.CombinePoint(secondaries, figure.Scale)
            : (double?)null;
        var noisy = group
            .Where(c => c.NoisySubmissions > 0)
            .ToDictionary(c => c.CpuKey, c => c.NoisySubmissions, StringComparer.Ordinal);
        return new LeaderboardRow(
            0, group.Key.Size, group.Key.Architecture, group.Key.Slug, newest.RuntimeName, group.Key.Version, newest.Configuration,
            ranking, newest.Newest, secondary, noisy, newest.CpuBrand);
    }

    /// <summary>Cells with a figure, as the ranking arithmetic takes them.</summary>
    public static IReadOnlyList<CpuCell> Cells(IEnumerable<LeaderboardCell> cells) =>
        [.. cells.Select(c => new CpuCell(c.CpuKey, c.Figure!.ToEstimate(), c.Machines, c.Submissions))];

    private sealed record RowKey(string Size, string Slug, string Version, string Architecture);
}

/// <param name="Ranked">Rows with at least one quiet submission, ranked within their size and architecture.</param>
/// <param name="NoisyOnly">Runtime versions whose every submission was noisy: listed, never ranked.</param>
public sealed record LeaderboardRows(IReadOnlyList<LeaderboardRow> Ranked, IReadOnlyList<NoisyOnlyRow> NoisyOnly);

/// <param name="Architecture">The CPU keys' architecture (their first segment): a row never spans two.</param>
/// <param name="Newest">When the newest submission counted in the row arrived.</param>
/// <param name="Secondary">The metric's secondary figure over the same submissions, e.g. the start-up ratio; null when it has none.</param>
/// <param name="NoisyByCpu">Noisy submissions per CPU key: shown, left out of <see cref="Ranking"/>.</param>
/// <param name="CpuBrand">The CPU brand the newest counted submission reported: untrusted text.</param>
public sealed record LeaderboardRow(
    int Rank,
    string Size,
    string Architecture,
    string Slug,
    string Name,
    string Version,
    string Configuration,
    Ranking Ranking,
    DateTimeOffset Newest,
    double? Secondary,
    IReadOnlyDictionary<string, int> NoisyByCpu,
    string CpuBrand)
{
    public int NoisySubmissions => NoisyByCpu.Values.Sum();
}

public sealed record NoisyOnlyRow(string Size, string Architecture, string Slug, string Name, string Version, string Configuration, int NoisySubmissions, int Machines);
