using CsCheck;
using NearNative.Agent.Measurement;

namespace NearNative.Agent.Tests.Measurement;

public sealed class RoundScheduleTests
{
    private static readonly string[] Workloads = ["empty", "fib", "interp", "sha256"];
    private static readonly string[] Runtimes = ["native", "wasmtime", "node", "node-no-liftoff"];

    [Fact]
    public void EveryRoundRunsEachWorkloadUnderEachRuntimeExactlyOnce()
    {
        Gen.Int.Sample(seed =>
        {
            var schedule = RoundSchedule.Create(Workloads, Runtimes, 5, seed);

            Assert.Equal(5, schedule.Count);
            var everyPair = (from w in Workloads from r in Runtimes select new ScheduledRun(w, r)).OrderBy(p => p.ToString()).ToList();
            Assert.All(schedule, round => Assert.Equal(everyPair, round.OrderBy(p => p.ToString()).ToList()));
        });
    }

    [Fact]
    public void TheSameSeedGivesTheSameOrder()
    {
        var first = RoundSchedule.Create(Workloads, Runtimes, 4, 42);
        var second = RoundSchedule.Create(Workloads, Runtimes, 4, 42);

        Assert.Equal(first.SelectMany(r => r), second.SelectMany(r => r));
    }

    [Fact]
    public void DifferentSeedsGiveDifferentOrders()
    {
        var first = RoundSchedule.Create(Workloads, Runtimes, 4, 1);
        var second = RoundSchedule.Create(Workloads, Runtimes, 4, 2);

        Assert.NotEqual(first.SelectMany(r => r), second.SelectMany(r => r));
    }

    [Fact]
    public void RoundsOfOneSeedAreShuffledDifferently()
    {
        var schedule = RoundSchedule.Create(Workloads, Runtimes, 3, 7);

        Assert.NotEqual(schedule[0], schedule[1]);
    }
}
