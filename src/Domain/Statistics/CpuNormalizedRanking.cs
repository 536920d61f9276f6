namespace NearNative.Domain.Statistics;

/// <summary>
/// Leaderboard arithmetic. One machine, one vote: each machine is first reduced to the median of its
/// submissions. A CPU cell is the median over its machines; the global figure is the geometric mean over
/// CPU cells with every CPU key weighted equally, so a CPU with a thousand machines does not drown the rest.
/// Intervals come from a bootstrap over machines (stratified by CPU key for the global figure).
/// </summary>
public static class CpuNormalizedRanking
{
    public const int ProvisionalBelowMachines = 3;

    public static Ranking? Aggregate(IEnumerable<SubmissionValue> submissions)
    {
        var byCpu = submissions
            .GroupBy(s => s.CpuKey, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(cpu => new
            {
                CpuKey = cpu.Key,
                Submissions = cpu.Count(),
                MachineValues = cpu
                    .GroupBy(s => s.MachineId, StringComparer.Ordinal)
                    .OrderBy(m => m.Key, StringComparer.Ordinal)
                    .Select(m => Quantiles.Median(m.Select(s => s.Value).ToArray()))
                    .ToList(),
            })
            .ToList();

        if (byCpu.Count == 0)
        {
            return null;
        }

        var cells = byCpu
            .Select(c => new CpuCell(
                c.CpuKey,
                Bootstrap.GeometricMeanOfMedians([c.MachineValues]),
                c.MachineValues.Count,
                c.Submissions))
            .ToList();

        return new Ranking(
            Bootstrap.GeometricMeanOfMedians([.. byCpu.Select(c => (IReadOnlyList<double>)c.MachineValues)]),
            cells,
            cells.Sum(c => c.Machines),
            cells.Sum(c => c.Submissions));
    }
}

/// <param name="Value">A positive ratio from one submission, e.g. its execution geometric mean.</param>
public sealed record SubmissionValue(string CpuKey, string MachineId, double Value);

public sealed record CpuCell(string CpuKey, Estimate Ratio, int Machines, int Submissions)
{
    public bool Provisional => Machines < CpuNormalizedRanking.ProvisionalBelowMachines;
}

public sealed record Ranking(Estimate Ratio, IReadOnlyList<CpuCell> Cells, int Machines, int Submissions)
{
    public bool Provisional => Machines < CpuNormalizedRanking.ProvisionalBelowMachines;
}
