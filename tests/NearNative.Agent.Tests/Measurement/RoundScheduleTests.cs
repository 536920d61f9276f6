using CsCheck;
using NearNative.Agent.Measurement;
using NearNative.Domain.Statistics;

namespace NearNative.Agent.Tests.Measurement;

public sealed class RoundScheduleTests
{
    private static readonly string[] Runtimes = ["native", "wasmtime", "node", "node-no-liftoff"];
    private static readonly WorkloadUnit[] Units = [Unit("empty"), Unit("fib"), Unit("interp"), Unit("sha256")];

    [Fact]
    public void ARoundRunsEveryProcessOfEveryUnitExactlyOnce()
    {
        Gen.Int.Sample(seed =>
        {
            var order = RoundSchedule.Order(Units, new SplitMix64((ulong)seed));

            var expected = Units.SelectMany(u => u.Runs).Select(Describe).Order(StringComparer.Ordinal);
            Assert.Equal(expected, order.Select(o => Describe(o.Run)).Order(StringComparer.Ordinal));
            Assert.All(order, o => Assert.Contains(o.Run, o.Unit.Runs));
        });
    }

    [Fact]
    public void AUnitsProcessesRunBackToBackSoEachPairSeesTheSameMachine()
    {
        Gen.Int.Sample(seed =>
        {
            var units = RoundSchedule.Order(Units, new SplitMix64((ulong)seed)).Select(o => o.Unit.Id).ToList();

            var blocks = units.Where((id, i) => i == 0 || units[i - 1] != id).ToList();
            Assert.Equal(Units.Length, blocks.Count);
            Assert.Equal(Units.Length, blocks.Distinct().Count());
        });
    }

    [Fact]
    public void BothTheUnitsAndTheProcessesInsideAUnitAreShuffled()
    {
        var orders = Enumerable.Range(0, 200).Select(seed => RoundSchedule.Order(Units, new SplitMix64((ulong)seed))).ToList();

        Assert.Equal(Units.Length, orders.Select(o => o[0].Unit.Id).Distinct().Count());
        Assert.Equal(Runtimes.Length, orders.Select(o => o[0].Run.Runtime).Distinct().Count());
    }

    [Fact]
    public void TheSameSeedGivesTheSameOrderAndAnotherSeedAnother()
    {
        static List<string> Run(ulong seed) => [.. RoundSchedule.Order(Units, new SplitMix64(seed)).Select(o => Describe(o.Run))];

        Assert.Equal(Run(42), Run(42));
        Assert.NotEqual(Run(1), Run(2));
    }

    [Fact]
    public void SuccessiveRoundsOfOneGeneratorAreShuffledDifferently()
    {
        var random = new SplitMix64(7);

        Assert.NotEqual(
            RoundSchedule.Order(Units, random).Select(o => Describe(o.Run)),
            RoundSchedule.Order(Units, random).Select(o => Describe(o.Run)));
    }

    private static string Describe(MeasuredRun run) => $"{run.Workload}/{run.Runtime}";

    private static WorkloadUnit Unit(string id) => new(
        id,
        [.. Runtimes.Select(r => new MeasuredRun(id, r, $"{id}.{r}", id, false))],
        ["quick"],
        "0123456789abcdef",
        "quick",
        Scratch: false);
}
