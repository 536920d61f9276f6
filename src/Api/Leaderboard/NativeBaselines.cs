using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Domain.Results;
using NearNative.Domain.Statistics;
using NearNative.Domain.Suite;

namespace NearNative.Api.Leaderboard;

/// <summary>
/// The native process starts shown beside instance start, for scale: per size and method, the median microseconds of
/// the accepted, quiet submissions, aggregated like any leaderboard figure (one machine one vote, CPU keys weighted equally).
/// </summary>
public static class NativeBaselines
{
    public static async Task<IReadOnlyList<NativeBaselineResponse>> QueryAsync(
        NearNativeDbContext db,
        LeaderboardFilter filter,
        CancellationToken cancellationToken)
    {
        var submissions = await filter.Apply(db.Submissions.AsNoTracking())
            .Where(s => !s.Noisy
                && (s.NativeForkExecUs != null || s.NativePosixSpawnUs != null || s.NativeNamespacedUs != null))
            .Select(s => new { s.Size, s.CpuKey, s.MachineId, s.NativeForkExecUs, s.NativePosixSpawnUs, s.NativeNamespacedUs })
            .ToListAsync(cancellationToken);

        var values = submissions.SelectMany(s => new[]
        {
            (s.Size, Method: InstanceStart.ForkExec, Us: s.NativeForkExecUs, s.CpuKey, s.MachineId),
            (s.Size, Method: InstanceStart.PosixSpawn, Us: s.NativePosixSpawnUs, s.CpuKey, s.MachineId),
            (s.Size, Method: InstanceStart.Namespaced, Us: s.NativeNamespacedUs, s.CpuKey, s.MachineId),
        });
        return
        [
            .. values
                .Where(v => v.Us is not null)
                .GroupBy(v => (v.Size, v.Method))
                .OrderBy(g => g.Key.Size == SuiteManifest.FullSize ? 0 : 1)
                .ThenBy(g => g.Key.Size, StringComparer.Ordinal)
                .ThenBy(g => Order(g.Key.Method))
                .Select(g =>
                {
                    var ranking = CpuNormalizedRanking.Aggregate(g.Select(v => new SubmissionValue(v.CpuKey, v.MachineId, v.Us!.Value)), FigureScale.Amount)!;
                    return new NativeBaselineResponse(g.Key.Size, g.Key.Method, ranking.Figure.Value, ranking.Machines, ranking.Submissions);
                }),
        ];
    }

    private static int Order(string method) => InstanceStart.NativeMethods.ToList().IndexOf(method);
}
