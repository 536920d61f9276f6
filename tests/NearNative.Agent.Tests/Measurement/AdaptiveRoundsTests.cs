using NearNative.Agent.Measurement;
using NearNative.Domain.Results;

namespace NearNative.Agent.Tests.Measurement;

public sealed class AdaptiveRoundsTests
{
    private const string Checksum = "0123456789abcdef";

    private static readonly WorkloadUnit Fib = new(
        "fib",
        [new MeasuredRun("fib", "native", "fib.native", "fib", false), new MeasuredRun("fib", "wasmtime", "fib.wasm", "fib", false)],
        ["quick"],
        Checksum,
        "quick",
        Scratch: false);

    [Fact]
    public void AWorkloadWhoseIntervalIsWithinTwoPercentNeedsNoMoreRounds()
    {
        // Ten rounds, wasm/native ratios 1.500 … 1.509: the sign-test interval spans under ±1%.
        var samples = Rounds(10, round => 1.5 + (round * 0.001));

        Assert.Empty(AdaptiveRounds.Unsettled([Fib], samples, 0.02));
    }

    [Fact]
    public void AWorkloadWhoseIntervalIsWiderNeedsMoreRounds()
    {
        var samples = Rounds(10, round => round % 2 == 0 ? 1.3 : 1.7);

        Assert.Equal([Fib], AdaptiveRounds.Unsettled([Fib], samples, 0.02));
    }

    [Fact]
    public void FewerThanThreePairsAreNeverSettled()
    {
        Assert.Equal([Fib], AdaptiveRounds.Unsettled([Fib], Rounds(2, _ => 1.5), 0.02));
    }

    [Fact]
    public void AFailingRuntimeDoesNotKeepAddingRounds()
    {
        var samples = Rounds(10, round => round % 2 == 0 ? 1.3 : 1.7)
            .Append(new Sample(11, "fib", "wasmtime", SampleStage.Measured, SampleOutcome.ChecksumMismatch, 1000, 2000, null, "ffffffffffffffff"))
            .ToList();

        Assert.Empty(AdaptiveRounds.Unsettled([Fib], samples, 0.02));
    }

    [Fact]
    public void WarmupSamplesAreNotCounted()
    {
        var samples = Rounds(10, _ => 1.5).Select(s => s with { Stage = SampleStage.Warmup }).ToList();

        Assert.Equal([Fib], AdaptiveRounds.Unsettled([Fib], samples, 0.02));
    }

    private static List<Sample> Rounds(int count, Func<int, double> ratio) =>
    [
        .. Enumerable.Range(1, count).SelectMany(round => new[]
        {
            new Sample(round, "fib", "native", SampleStage.Measured, SampleOutcome.Ok, 1_000_000, 2_000_000, null, Checksum),
            new Sample(round, "fib", "wasmtime", SampleStage.Measured, SampleOutcome.Ok, (long)(1_000_000 * ratio(round)), 3_000_000, null, Checksum),
        }),
    ];
}
