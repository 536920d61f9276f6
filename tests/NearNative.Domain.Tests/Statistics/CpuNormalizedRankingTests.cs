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

        Assert.Equal(Math.Sqrt(1.3 * 2.0), ranking.Ratio.Value, 12);
        Assert.Equal(4, ranking.Machines);
        Assert.Equal(4, ranking.Submissions);
        Assert.Equal(1.3, ranking.Cells.Single(c => c.CpuKey == "a").Ratio.Value, 12);
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

        Assert.Equal(3, ranking.Ratio.Value, 12);
        Assert.Equal(3, ranking.Machines);
        Assert.Equal(7, ranking.Submissions);
    }

    [Fact]
    public void NoSubmissionsGiveNoRanking() => Assert.Null(CpuNormalizedRanking.Aggregate([]));

    [Fact]
    public void IntervalBracketsTheValue()
    {
        var ranking = CpuNormalizedRanking.Aggregate(
            Enumerable.Range(0, 12).Select(i => new SubmissionValue(i % 2 == 0 ? "a" : "b", $"m{i}", 1 + (i * 0.05))))!;

        Assert.InRange(ranking.Ratio.Value, ranking.Ratio.Lower, ranking.Ratio.Upper);
        Assert.True(ranking.Ratio.Upper > ranking.Ratio.Lower);
    }
}
