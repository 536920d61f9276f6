using CsCheck;
using NearNative.Agent.Measurement;

namespace NearNative.Agent.Tests.Measurement;

/// <summary>
/// The write cap. Worked example: A writes 100 bytes per process, B 1,000, each under 2 runtimes (200 and 2,000 bytes a
/// round), C nothing; at most 10 measured rounds plus a warm-up, so all rounds write 11 × 2,200 = 24,200 bytes.
/// </summary>
public sealed class WritePlanTests
{
    private static readonly WorkloadUnit[] Units = [Unit("a", 100, 2), Unit("b", 1000, 2), Unit("c", 0, 2)];

    [Fact]
    public void UnderTheCapEveryRoundMayRunAndThePlanIsTheWorstCase()
    {
        var plan = WritePlan.Compute(Units, 10, 30_000);

        Assert.False(plan.Capped);
        Assert.Equal((24_200L, 24_200L), (plan.UncappedBytes, plan.PlannedBytes));
        Assert.Equal(Units, plan.Apply(Units));
    }

    [Fact]
    public void TheCapGivesEveryWriterTheSameRoundsAndWhatIsLeftToTheCheapest()
    {
        // 10,000 / 2,200 per round = 4 rounds each (a warm-up and 3 measured, 8,800 bytes); the 1,200 left buy A six more.
        var plan = WritePlan.Compute(Units, 10, 10_000);

        Assert.Equal(new Dictionary<string, int> { ["a"] = 9, ["b"] = 3 }, plan.CappedRounds);
        Assert.Equal(10_000, plan.PlannedBytes);
        Assert.Equal([9, 3, null], plan.Apply(Units).Select(u => u.MaxMeasuredRounds));
    }

    [Fact]
    public void AWorkloadThatCannotGetThreeRoundsIsNotRunAndTheOthersKeepTheirs()
    {
        // Both together fit only 2 rounds (a warm-up and 1 measured: no ratio); without B, A fits all 11.
        var plan = WritePlan.Compute(Units, 10, 5_000);

        Assert.Equal(new Dictionary<string, int> { ["b"] = 0 }, plan.CappedRounds);
        Assert.Equal(2_200, plan.PlannedBytes);
        Assert.Equal(["a", "c"], plan.Apply(Units).Select(u => u.Id));
    }

    [Fact]
    public void ACapBelowEveryWritersFewestRoundsRunsOnlyTheWorkloadsThatWriteNothing()
    {
        var plan = WritePlan.Compute(Units, 10, 500);

        Assert.Equal(new Dictionary<string, int> { ["a"] = 0, ["b"] = 0 }, plan.CappedRounds);
        Assert.Equal(0, plan.PlannedBytes);
        Assert.Equal(["c"], plan.Apply(Units).Select(u => u.Id));
    }

    [Fact]
    public void ThePlanNeverExceedsTheCapAndEveryLimitGivesARatioOrNothing()
    {
        var units = Gen.Select(Gen.Long[0, 1L << 30], Gen.Int[1, 6]).Array[1, 5]
            .Select(spec => spec.Select((s, i) => Unit($"w{i}", s.Item1, s.Item2)).ToArray());
        Gen.Select(units, Gen.Int[1, 40], Gen.Long[1, 1L << 40]).Sample((workloads, maximum, cap) =>
        {
            var plan = WritePlan.Compute(workloads, maximum, cap);

            var run = plan.Apply(workloads);
            Assert.Equal(plan.PlannedBytes, run.Sum(u => ((u.MaxMeasuredRounds ?? maximum) + 1L) * u.WritesPerRound));
            Assert.True(plan.PlannedBytes <= cap, $"{plan.PlannedBytes} > {cap}");
            Assert.Equal(!plan.Capped, plan.PlannedBytes == plan.UncappedBytes);
            Assert.All(plan.CappedRounds.Values, r => Assert.True(r == 0 || (r >= Math.Min(3, maximum) && r < maximum), $"{r} of {maximum}"));
            Assert.All(workloads.Where(u => u.WritesPerRound == 0), u => Assert.Contains(u, run));
        });
    }

    private static WorkloadUnit Unit(string id, long writesBytes, int runtimes) =>
        new(id, [.. Enumerable.Range(0, runtimes).Select(r => new MeasuredRun(id, $"r{r}", "/x", id, WholeProcess: false))], ["quick"], "0", "quick", Scratch: writesBytes > 0,
            WritesBytes: writesBytes);
}
