namespace NearNative.Domain.Statistics;

/// <summary>
/// Leaderboard arithmetic. One machine, one vote: each machine is first reduced to the median of its
/// submissions. A CPU cell is the median over its machines; the global figure combines the CPU cells with every
/// CPU key weighted equally, so a CPU with a thousand machines does not drown the rest. Intervals come from a
/// bootstrap over machines (stratified by CPU key for the global figure), except where a cell has one machine:
/// a bootstrap over one value has zero width, so such a cell carries the interval its submissions were
/// recomputed with.
/// </summary>
public static class CpuNormalizedRanking
{
    public const int ProvisionalBelowMachines = 3;

    /// <param name="scale">
    /// <see cref="FigureScale.Ratio"/> combines CPU cells by geometric mean (ratios multiply);
    /// <see cref="FigureScale.Amount"/> by arithmetic mean (milliseconds and megabytes add, and may be zero or negative).
    /// </param>
    public static Ranking? Aggregate(IEnumerable<SubmissionValue> submissions, FigureScale scale = FigureScale.Ratio)
    {
        var cells = submissions
            .GroupBy(s => s.CpuKey, StringComparer.Ordinal)
            .Select(cpu => Cell(cpu.Key, [.. cpu], scale))
            .ToList();
        return cells.Count == 0 ? null : Combine(cells, scale);
    }

    /// <summary>
    /// One CPU key's cell from its submissions: each machine reduced to the median of its submissions, the cell's
    /// figure the median over machines. The machines' votes are kept so that cells can later be combined without
    /// their submissions.
    /// </summary>
    public static CellVotes Cell(string cpuKey, IReadOnlyCollection<SubmissionValue> submissions, FigureScale scale)
    {
        if (submissions.Count == 0)
        {
            throw new ArgumentException("A cell needs at least one submission.", nameof(submissions));
        }

        var machines = submissions
            .GroupBy(s => s.MachineId, StringComparer.Ordinal)
            .OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => m.ToList())
            .ToList();
        IReadOnlyList<double> votes = [.. machines.Select(m => Quantiles.Median(m.Select(s => s.Value).ToArray()))];
        var figure = (machines.Count == 1 ? OwnInterval(machines[0]) : null) ?? CombineVotes([votes], scale);
        return new CellVotes(new CpuCell(cpuKey, figure, machines.Count, submissions.Count), votes);
    }

    /// <summary>
    /// The global figure from CPU cells, each CPU key weighted equally: a lone cell is its own figure, several are
    /// combined from their machines' votes with a bootstrap stratified by CPU key.
    /// </summary>
    public static Ranking Combine(IReadOnlyList<CellVotes> cells, FigureScale scale)
    {
        if (cells.Count == 0)
        {
            throw new ArgumentException("A ranking needs at least one cell.", nameof(cells));
        }

        var ordered = cells.OrderBy(c => c.Cell.CpuKey, StringComparer.Ordinal).ToList();
        return new Ranking(
            ordered.Count == 1 ? ordered[0].Cell.Figure : CombineVotes([.. ordered.Select(c => c.MachineVotes)], scale),
            [.. ordered.Select(c => c.Cell)],
            ordered.Sum(c => c.Cell.Machines),
            ordered.Sum(c => c.Cell.Submissions));
    }

    /// <summary>The point figure over groups of machine votes, without an interval: for a figure shown beside the ranked one.</summary>
    public static double CombinePoint(IReadOnlyList<IReadOnlyList<double>> groups, FigureScale scale)
    {
        var medians = groups.Select(g => Quantiles.Median(g.ToArray())).ToArray();
        return scale == FigureScale.Ratio ? GeometricMean.Of(medians) : medians.Average();
    }

    /// <summary>
    /// A lone machine's figure with the interval of its own submissions: the median of their values, lower ends
    /// and upper ends. Each lower end is at most its value, so the median of the lower ends is at most the median
    /// value (likewise above), and the interval always brackets the figure. Null when a submission has no interval.
    /// </summary>
    private static Estimate? OwnInterval(IReadOnlyList<SubmissionValue> machine)
    {
        if (machine.Any(s => s.Own is null))
        {
            return null;
        }

        return new Estimate(
            Quantiles.Median(machine.Select(s => s.Value).ToArray()),
            Quantiles.Median(machine.Select(s => s.Own!.Lower).ToArray()),
            Quantiles.Median(machine.Select(s => s.Own!.Upper).ToArray()),
            machine.Min(s => s.Own!.Confidence));
    }

    private static Estimate CombineVotes(IReadOnlyList<IReadOnlyList<double>> groups, FigureScale scale) =>
        scale == FigureScale.Ratio ? Bootstrap.GeometricMeanOfMedians(groups) : MeanOfMedians(groups);

    /// <summary>The arithmetic counterpart of <see cref="Bootstrap.GeometricMeanOfMedians"/>, for amounts.</summary>
    private static Estimate MeanOfMedians(IReadOnlyList<IReadOnlyList<double>> groups)
    {
        var value = groups.Average(g => Quantiles.Median(g.ToArray()));
        var scratch = new double[groups.Max(g => g.Count)];
        var (lower, upper) = Bootstrap.Interval(rng => groups.Average(g => Bootstrap.ResampledMedian(rng, g, scratch)));
        return new Estimate(value, Math.Min(lower, value), Math.Max(upper, value), MedianInterval.DefaultConfidence);
    }
}

public enum FigureScale
{
    /// <summary>A positive ratio to native, combined on the log scale.</summary>
    Ratio,

    /// <summary>An amount such as milliseconds or megabytes, combined on the linear scale.</summary>
    Amount,
}

/// <param name="Value">One submission's figure, e.g. its execution geometric mean or its start-up milliseconds.</param>
/// <param name="Own">
/// The interval the figure was recomputed with from the submission's own samples (its value is <paramref name="Value"/>);
/// null when it was not stored.
/// </param>
public sealed record SubmissionValue(string CpuKey, string MachineId, double Value, Estimate? Own = null);

/// <param name="Cell">The cell as ranked.</param>
/// <param name="MachineVotes">One value per machine (the median of its submissions), ordered by machine id.</param>
public sealed record CellVotes(CpuCell Cell, IReadOnlyList<double> MachineVotes);

/// <param name="Figure">Median over the cell's machines, with its interval.</param>
public sealed record CpuCell(string CpuKey, Estimate Figure, int Machines, int Submissions)
{
    public bool Provisional => Machines < CpuNormalizedRanking.ProvisionalBelowMachines;
}

/// <param name="Figure">The CPU cells combined, each CPU key weighted equally, with its interval.</param>
public sealed record Ranking(Estimate Figure, IReadOnlyList<CpuCell> Cells, int Machines, int Submissions)
{
    public bool Provisional => Machines < CpuNormalizedRanking.ProvisionalBelowMachines;
}
