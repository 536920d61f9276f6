namespace NearNative.Domain.Statistics;

/// <summary>
/// Leaderboard arithmetic. One machine, one vote: each machine is first reduced to the median of its
/// submissions. A CPU cell is the median over its machines, with the distribution-free interval of a median
/// (<see cref="MedianInterval"/>); a cell of one machine carries the interval its submissions were recomputed with
/// instead. The global figure combines the CPU cells with every CPU key weighted equally, so a CPU with a thousand
/// machines does not drown the rest, and takes its interval from the cells' intervals alone (see <see cref="Pool"/>),
/// so combining costs the same whatever the number of machines behind each cell.
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
            .Select(cpu => Cell(cpu.Key, [.. cpu], scale).Cell)
            .ToList();
        return cells.Count == 0 ? null : Combine(cells, scale);
    }

    /// <summary>
    /// One CPU key's cell from its submissions: each machine reduced to the median of its submissions, the cell's
    /// figure the median over machines. The machines' votes are kept with the cell, so that a submission can later be
    /// judged against them.
    /// </summary>
    public static CellVotes Cell(string cpuKey, IReadOnlyCollection<SubmissionValue> submissions, FigureScale scale)
    {
        if (submissions.Count == 0)
        {
            throw new ArgumentException("A cell needs at least one submission.", nameof(submissions));
        }

        return Cell(
            cpuKey,
            [.. submissions.GroupBy(s => s.MachineId, StringComparer.Ordinal).Select(m => MachineVote.Of(m.Key, [.. m]))],
            scale);
    }

    /// <summary>
    /// One CPU key's cell from its machines' votes: the median over machines with its interval, or a lone machine's
    /// own interval. The same cell as from the submissions, for a caller that keeps each machine's vote up to date.
    /// </summary>
    public static CellVotes Cell(string cpuKey, IReadOnlyList<MachineVote> machines, FigureScale scale)
    {
        if (machines.Count == 0)
        {
            throw new ArgumentException("A cell needs at least one machine.", nameof(machines));
        }

        var ordered = machines.OrderBy(m => m.MachineId, StringComparer.Ordinal).ToList();
        double[] votes = [.. ordered.Select(m => m.Value)];
        return new CellVotes(Cell(cpuKey, votes, ordered.Count == 1 ? ordered[0].Own : null, ordered.Sum(m => m.Submissions), scale), votes);
    }

    /// <summary>
    /// One CPU key's cell from its machines' votes alone: the median over machines with its interval, or, for a lone
    /// machine, <paramref name="loneOwn"/> (its own interval) when it has one.
    /// </summary>
    /// <param name="votes">One vote per machine, in any order.</param>
    /// <param name="submissions">The submissions behind the votes.</param>
    public static CpuCell Cell(string cpuKey, IReadOnlyList<double> votes, Estimate? loneOwn, int submissions, FigureScale scale)
    {
        if (votes.Count == 0)
        {
            throw new ArgumentException("A cell needs at least one vote.", nameof(votes));
        }

        double[] values = [.. votes];
        var figure = (votes.Count == 1 ? loneOwn : null)
            ?? (scale == FigureScale.Ratio ? MedianInterval.Compute(values) : MedianInterval.ComputeAmount(values));
        return new CpuCell(cpuKey, figure, votes.Count, submissions);
    }

    /// <summary>The global figure from CPU cells, each CPU key weighted equally: a lone cell is its own figure, several are pooled.</summary>
    public static Ranking Combine(IReadOnlyList<CpuCell> cells, FigureScale scale)
    {
        if (cells.Count == 0)
        {
            throw new ArgumentException("A ranking needs at least one cell.", nameof(cells));
        }

        var ordered = cells.OrderBy(c => c.CpuKey, StringComparer.Ordinal).ToList();
        return new Ranking(
            ordered.Count == 1 ? ordered[0].Figure : Pool([.. ordered.Select(c => c.Figure)], scale),
            ordered,
            ordered.Sum(c => c.Machines),
            ordered.Sum(c => c.Submissions));
    }

    /// <summary>
    /// The mean of the cells' figures (of their logarithms for ratios) with a normal interval: each cell's standard
    /// error is its interval's half-width over the normal quantile of the confidence that interval reaches, the cells
    /// are independent (different machines), so the mean's variance is the sum of theirs over the number of cells
    /// squared. A cell whose interval has no width, or reaches no confidence at all, adds no variance.
    /// </summary>
    public static Estimate Pool(IReadOnlyList<Estimate> cells, FigureScale scale, double confidence = MedianInterval.DefaultConfidence)
    {
        if (cells.Count == 0)
        {
            throw new ArgumentException("Pooling needs at least one cell.", nameof(cells));
        }

        Func<double, double> toScale = scale == FigureScale.Ratio ? Math.Log : x => x;
        Func<double, double> fromScale = scale == FigureScale.Ratio ? Math.Exp : x => x;
        var sum = 0.0;
        var variance = 0.0;
        foreach (var cell in cells)
        {
            sum += toScale(cell.Value);
            var width = toScale(cell.Upper) - toScale(cell.Lower);
            if (width > 0 && cell.Confidence > 0)
            {
                var error = width / (2 * Normal.Quantile((1 + cell.Confidence) / 2));
                variance += error * error;
            }
        }

        var center = sum / cells.Count;
        var halfWidth = Normal.Quantile((1 + confidence) / 2) * Math.Sqrt(variance) / cells.Count;
        return new Estimate(fromScale(center), fromScale(center - halfWidth), fromScale(center + halfWidth), confidence);
    }

    /// <summary>The point figure over groups of machine votes, without an interval: for a figure shown beside the ranked one.</summary>
    public static double CombinePoint(IReadOnlyList<IReadOnlyList<double>> groups, FigureScale scale)
    {
        var medians = groups.Select(g => Quantiles.Median(g.ToArray())).ToArray();
        return scale == FigureScale.Ratio ? GeometricMean.Of(medians) : medians.Average();
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

/// <summary>One machine's vote in a cell: the median of its submissions' figures.</summary>
/// <param name="Own">
/// The vote with the interval of the machine's own submissions (the medians of their lower and upper ends, the lowest
/// confidence), which a cell of this machine alone shows; null when a submission has no interval of its own.
/// </param>
/// <param name="Submissions">How many submissions the vote is the median of.</param>
public sealed record MachineVote(string MachineId, double Value, Estimate? Own, int Submissions)
{
    public static MachineVote Of(string machineId, IReadOnlyList<SubmissionValue> submissions) =>
        new(
            machineId,
            Quantiles.Median([.. submissions.Select(s => s.Value)]),
            submissions.Any(s => s.Own is null)
                ? null
                : OwnInterval(
                    [.. submissions.Select(s => s.Value)],
                    [.. submissions.Select(s => s.Own!.Lower)],
                    [.. submissions.Select(s => s.Own!.Upper)],
                    submissions.Min(s => s.Own!.Confidence)),
            submissions.Count);

    /// <summary>
    /// The median of the values, of the lower ends and of the upper ends, at the lowest confidence. Each lower end is
    /// at most its value, so the median of the lower ends is at most the median value (likewise above), and the
    /// interval always brackets the vote.
    /// </summary>
    public static Estimate OwnInterval(ReadOnlySpan<double> values, ReadOnlySpan<double> lowers, ReadOnlySpan<double> uppers, double confidence) =>
        new(Quantiles.Median(values), Quantiles.Median(lowers), Quantiles.Median(uppers), confidence);
}

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
