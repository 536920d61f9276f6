using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Domain.Results;
using NearNative.Domain.Statistics;

namespace NearNative.Api.Leaderboard;

/// <summary>
/// The native process starts shown beside instance start, for scale: per size and method, the median microseconds of
/// the accepted, quiet submissions, aggregated like any leaderboard figure (one machine one vote, CPU keys weighted
/// equally). Maintained as cells of the pseudo-runtime <see cref="CellComputation.NativeSlug"/>, so reading them scans no submissions.
/// </summary>
public static class NativeBaselines
{
    public static async Task<IReadOnlyList<NativeBaselineResponse>> QueryAsync(
        NearNativeDbContext db,
        string suite,
        string? size,
        string? cpu,
        CancellationToken cancellationToken)
    {
        var metrics = InstanceStart.NativeMethods.Select(m => CellComputation.NativeStartPrefix + m).ToList();
        var cells = await db.LeaderboardCells.AsNoTracking()
            .Where(c => c.Suite == suite
                && c.RuntimeSlug == CellComputation.NativeSlug
                && metrics.Contains(c.Metric)
                && (size == null || c.Size == size)
                && (cpu == null || c.CpuKey == cpu))
            .ToListAsync(cancellationToken);
        return
        [
            .. cells
                .Where(c => c.Figure is not null)
                .GroupBy(c => (c.Size, Method: c.Metric[CellComputation.NativeStartPrefix.Length..]))
                .OrderBy(g => LeaderboardQuery.SizeOrder(g.Key.Size))
                .ThenBy(g => g.Key.Size, StringComparer.Ordinal)
                .ThenBy(g => Order(g.Key.Method))
                .Select(g =>
                {
                    var ranking = CpuNormalizedRanking.Combine(LeaderboardQuery.Votes(g), FigureScale.Amount);
                    return new NativeBaselineResponse(g.Key.Size, g.Key.Method, ranking.Figure.Value, ranking.Machines, ranking.Submissions);
                }),
        ];
    }

    private static int Order(string method) => InstanceStart.NativeMethods.ToList().IndexOf(method);
}
