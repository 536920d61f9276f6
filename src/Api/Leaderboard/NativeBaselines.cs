using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Domain.Cpu;
using NearNative.Domain.Results;
using NearNative.Domain.Statistics;

namespace NearNative.Api.Leaderboard;

/// <summary>
/// The native process starts shown beside instance start, for scale: per size, architecture and method, the median
/// microseconds of the accepted, quiet submissions, aggregated like any leaderboard figure (one machine one vote, CPU
/// keys weighted equally, architectures never pooled). Maintained as cells of the pseudo-runtime
/// <see cref="CellComputation.NativeSlug"/>, so reading them scans no submissions.
/// </summary>
public static class NativeBaselines
{
    /// <param name="filter">The CPU keys of the rows beside them; its runtime and version do not apply to native.</param>
    public static async Task<IReadOnlyList<NativeBaselineResponse>> QueryAsync(
        NearNativeDbContext db,
        LeaderboardFilter filter,
        CancellationToken cancellationToken)
    {
        var metrics = InstanceStart.NativeMethods.Select(m => CellComputation.NativeStartPrefix + m).ToList();
        var cells = await (filter with { Runtime = null, Version = null }).Apply(db.LeaderboardCells.AsNoTracking())
            .Where(c => c.RuntimeSlug == CellComputation.NativeSlug && metrics.Contains(c.Metric))
            .ToListAsync(cancellationToken);
        return
        [
            .. cells
                .Where(c => c.Figure is not null)
                .GroupBy(c => (c.Size, Architecture: CpuKey.ArchitectureOf(c.CpuKey), Method: c.Metric[CellComputation.NativeStartPrefix.Length..]))
                .OrderBy(g => (g.Key.Size, g.Key.Architecture), LeaderboardQuery.Placement)
                .ThenBy(g => Order(g.Key.Method))
                .Select(g =>
                {
                    var ranking = CpuNormalizedRanking.Combine(LeaderboardQuery.Cells(g), FigureScale.Amount);
                    return new NativeBaselineResponse(g.Key.Size, g.Key.Architecture, g.Key.Method, ranking.Figure.Value, ranking.Machines, ranking.Submissions);
                }),
        ];
    }

    private static int Order(string method) => InstanceStart.NativeMethods.ToList().IndexOf(method);
}
