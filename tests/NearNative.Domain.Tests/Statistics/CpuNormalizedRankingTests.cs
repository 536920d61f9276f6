using NearNative.Domain.Statistics;

namespace NearNative.Domain.Tests.Statistics;

public sealed class CpuNormalizedRankingTests
{
    [Fact]
    public void EveryCpuKeyWeighsTheSameWhateverItsMachineCount()
    {
        // CPU a: three machines 1.2, 1.3, 1.4 (median 1.3); CPU b: one machine at 2.0.
        // Global = sqrt(1.3 * 2.0), not the median or mean over the four machines.
        var ranking = CpuNormalizedRanking.Aggregate(
        [
            new("a", "m1", 1.2), new("a", "m2", 1.3), new("a", "m3", 1.4), new("b", "m4", 2.0),
        ])!;

        Assert.Equal(Math.Sqrt(1.3 * 2.0), ranking.Figure.Value, 12);
        Assert.Equal(4, ranking.Machines);
        Assert.Equal(4, ranking.Submissions);
        Assert.Equal(1.3, ranking.Cells.Single(c => c.CpuKey == "a").Figure.Value, 12);
        Assert.False(ranking.Cells.Single(c => c.CpuKey == "a").Provisional);
        Assert.True(ranking.Cells.Single(c => c.CpuKey == "b").Provisional);
    }

    [Fact]
    public void OneMachineWithManySubmissionsHasOneVote()
    {
        // m1 submits 1.0 five times; m2 and m3 submit 3.0 and 4.0. Per machine: 1, 3, 4 → median 3.
        var ranking = CpuNormalizedRanking.Aggregate(
            Enumerable.Repeat(new SubmissionValue("a", "m1", 1.0), 5)
                .Append(new("a", "m2", 3.0))
                .Append(new("a", "m3", 4.0)))!;

        Assert.Equal(3, ranking.Figure.Value, 12);
        Assert.Equal(3, ranking.Machines);
        Assert.Equal(7, ranking.Submissions);
    }

    [Fact]
    public void CellsCombinedLaterGiveTheRankingOfTheirSubmissions()
    {
        // What the server stores per CPU key (a cell) must rank exactly as the submissions did.
        SubmissionValue[] submissions =
        [
            new("a", "m1", 1.2), new("a", "m1", 1.6), new("a", "m2", 1.3), new("a", "m3", 1.4),
            new("b", "m4", 2.0, new Estimate(2.0, 1.9, 2.1, 0.95)),
            new("c", "m5", 1.1), new("c", "m6", 1.7),
        ];
        var direct = CpuNormalizedRanking.Aggregate(submissions)!;

        var combined = CpuNormalizedRanking.Combine(
            [.. submissions.GroupBy(s => s.CpuKey).Reverse().Select(g => CpuNormalizedRanking.Cell(g.Key, [.. g], FigureScale.Ratio).Cell)],
            FigureScale.Ratio);

        Assert.Equal(direct.Figure, combined.Figure);
        Assert.Equal(direct.Cells, combined.Cells);
        Assert.Equal((7, 6), (combined.Submissions, combined.Machines));
        Assert.Equal(new Estimate(2.0, 1.9, 2.1, 0.95), combined.Cells.Single(c => c.CpuKey == "b").Figure);
    }

    [Fact]
    public void ThePointOfSeveralCellsIsTheGeometricMeanOfTheirMedians() =>
        Assert.Equal(Math.Sqrt(1.3 * 2.0), CpuNormalizedRanking.CombinePoint([[1.2, 1.3, 1.4], [2.0]], FigureScale.Ratio), 12);

    [Fact]
    public void NoSubmissionsGiveNoRanking() => Assert.Null(CpuNormalizedRanking.Aggregate([]));

    [Fact]
    public void IntervalBracketsTheValue()
    {
        var ranking = CpuNormalizedRanking.Aggregate(
            Enumerable.Range(0, 12).Select(i => new SubmissionValue(i % 2 == 0 ? "a" : "b", $"m{i}", 1 + (i * 0.05))))!;

        Assert.InRange(ranking.Figure.Value, ranking.Figure.Lower, ranking.Figure.Upper);
        Assert.True(ranking.Figure.Upper > ranking.Figure.Lower);
    }

    [Fact]
    public void ALoneMachineCarriesItsSubmissionsOwnInterval()
    {
        var own = new Estimate(1.5, 1.4, 1.7, 0.979);

        var ranking = CpuNormalizedRanking.Aggregate([new("a", "m1", 1.5, own)])!;

        Assert.Equal(own, ranking.Cells.Single().Figure);
        Assert.Equal(own, ranking.Figure);
    }

    [Fact]
    public void ALoneMachineWithSeveralSubmissionsTakesTheMedianOfTheirEnds()
    {
        var ranking = CpuNormalizedRanking.Aggregate(
        [
            new("a", "m1", 1.0, new(1.0, 0.9, 1.2, 0.98)),
            new("a", "m1", 1.2, new(1.2, 1.1, 1.5, 0.95)),
            new("a", "m1", 2.0, new(2.0, 1.3, 2.6, 0.97)),
        ])!;

        Assert.Equal(new Estimate(1.2, 1.1, 1.5, 0.95), ranking.Cells.Single().Figure);
    }

    [Fact]
    public void ALoneMachineWithoutAStoredIntervalHasAPointFigure()
    {
        var cell = CpuNormalizedRanking.Aggregate([new("a", "m1", 1.5, new(1.5, 1.4, 1.7, 0.98)), new("a", "m1", 1.5)])!.Cells.Single();

        Assert.Equal((1.5, 1.5, 1.5), (cell.Figure.Value, cell.Figure.Lower, cell.Figure.Upper));
    }

    [Fact]
    public void TwoMachinesGiveTheIntervalOfAMedianOverMachinesNotTheirOwnIntervals()
    {
        // The sign-test interval of two values is their range, and it covers the median with probability
        // 1 - 2 * P(B <= 0) = 1 - 2 * (1/2)^2 = 0.5: the confidence says so rather than claiming 95%.
        var cell = CpuNormalizedRanking.Aggregate(
        [
            new("a", "m1", 1.0, new(1.0, 0.5, 5, 0.98)),
            new("a", "m2", 2.0, new(2.0, 0.5, 5, 0.98)),
        ])!.Cells.Single();

        Assert.Equal(new Estimate(1.5, 1.0, 2.0, 0.5), cell.Figure);
    }

    [Fact]
    public void AmountsCombineByArithmeticMeanOverCpuKeysAndMayBeNegative()
    {
        // Milliseconds added: CPU a −0.5 (the runtime was faster), CPU b the median of 3, 4 and 5.
        var ranking = CpuNormalizedRanking.Aggregate(
            [new("a", "m1", -0.5), new("b", "m2", 3), new("b", "m3", 4), new("b", "m4", 5)],
            FigureScale.Amount)!;

        Assert.Equal(1.75, ranking.Figure.Value, 12);
        Assert.InRange(ranking.Figure.Value, ranking.Figure.Lower, ranking.Figure.Upper);
        Assert.Equal(-0.5, ranking.Cells.Single(c => c.CpuKey == "a").Figure.Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => CpuNormalizedRanking.Aggregate([new("a", "m1", -0.5), new("b", "m2", 3)]));
    }

    [Fact]
    public void PoolingRatiosAddsTheCellsLogVariances()
    {
        // Cell a: 1.0 with a 95% interval of ±0.1·z on the log scale (standard error 0.1); cell b: 4.0 with ±0.2·z.
        // Centre: (ln 1 + ln 4) / 2 = ln 2. Standard error of the mean: √(0.1² + 0.2²) / 2 = √0.05 / 2.
        var z = Normal.Quantile(0.975);
        var pooled = CpuNormalizedRanking.Pool(
            [new Estimate(1.0, Math.Exp(-0.1 * z), Math.Exp(0.1 * z), 0.95), new Estimate(4.0, 4 * Math.Exp(-0.2 * z), 4 * Math.Exp(0.2 * z), 0.95)],
            FigureScale.Ratio);

        var halfWidth = z * Math.Sqrt(0.05) / 2;
        Assert.Equal(2.0, pooled.Value, 12);
        Assert.Equal(2.0 * Math.Exp(-halfWidth), pooled.Lower, 12);
        Assert.Equal(2.0 * Math.Exp(halfWidth), pooled.Upper, 12);
        Assert.Equal(0.95, pooled.Confidence);
    }

    [Fact]
    public void PoolingReadsEachCellsSpreadAtTheConfidenceItReaches()
    {
        // Amounts: cell a is a point (−0.5, no spread); cell b is 4 with the range [3, 5] of two machines, which reaches
        // only 50%, so its standard error is 1 / Φ⁻¹(0.75) = 1.4826, not 1 / Φ⁻¹(0.975).
        var pooled = CpuNormalizedRanking.Pool([new Estimate(-0.5, -0.5, -0.5, 0), new Estimate(4, 3, 5, 0.5)], FigureScale.Amount);

        var halfWidth = Normal.Quantile(0.975) * (1 / Normal.Quantile(0.75)) / 2;
        Assert.Equal(1.75, pooled.Value, 12);
        Assert.Equal(1.75 - halfWidth, pooled.Lower, 12);
        Assert.Equal(1.75 + halfWidth, pooled.Upper, 12);
    }

    [Fact]
    public void ManyMachinesNarrowACellsIntervalAndTheRankingFollows()
    {
        // 41 machines spread evenly from 1.0 to 1.4 against 5 machines over the same range: more machines, a narrower
        // cell, and a narrower global figure when each is pooled with the same second cell.
        SubmissionValue[] Spread(int machines) =>
            [.. Enumerable.Range(0, machines).Select(i => new SubmissionValue("a", $"m{i}", 1.0 + (0.4 * i / (machines - 1))))];
        SubmissionValue other = new("b", "x", 2.0, new Estimate(2.0, 1.9, 2.1, 0.95));

        var many = CpuNormalizedRanking.Aggregate([.. Spread(41), other])!;
        var few = CpuNormalizedRanking.Aggregate([.. Spread(5), other])!;

        Assert.Equal(many.Figure.Value, few.Figure.Value, 12);
        Assert.True(many.Figure.Upper - many.Figure.Lower < few.Figure.Upper - few.Figure.Lower);
        Assert.Equal(0.95, many.Cells.Single(c => c.CpuKey == "a").Figure.Confidence);
    }
}
