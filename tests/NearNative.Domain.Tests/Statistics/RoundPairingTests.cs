using NearNative.Domain.Results;
using NearNative.Domain.Statistics;

namespace NearNative.Domain.Tests.Statistics;

public sealed class RoundPairingTests
{
    private const string Checksum = "0123456789abcdef";

    [Fact]
    public void KernelRatiosArePairedByRoundNotByPosition()
    {
        Sample[] native = [Ok(1, "native", kernel: 100, wall: 1000), Ok(2, "native", kernel: 200, wall: 1000)];
        Sample[] runtime = [Ok(2, "wasmtime", kernel: 300, wall: 4000), Ok(1, "wasmtime", kernel: 150, wall: 2000)];

        Assert.Equal([1.5, 1.5], RoundPairing.Ratios(runtime, native, Checksum, wholeProcess: false));
        Assert.Equal([4.0, 2.0], RoundPairing.Ratios(runtime, native, Checksum, wholeProcess: true));
    }

    [Fact]
    public void ARoundNativeLacksOrGotWrongGivesNoRatio()
    {
        Sample[] native = [Ok(1, "native", 100, 1000), Ok(2, "native", 100, 1000) with { Checksum = "ffffffffffffffff" }];
        Sample[] runtime = [Ok(1, "wasmtime", 120, 1500), Ok(2, "wasmtime", 130, 1500), Ok(3, "wasmtime", 140, 1500)];

        Assert.Equal([1.2], RoundPairing.Ratios(runtime, native, Checksum, wholeProcess: false));
    }

    [Fact]
    public void OnlySamplesThatRanRightWithPositiveTimesCount()
    {
        Assert.True(RoundPairing.IsValid(Ok(1, "node", 10, 20), Checksum, wholeProcess: false));
        Assert.False(RoundPairing.IsValid(Ok(1, "node", 10, 20) with { Outcome = SampleOutcome.TimedOut }, Checksum, false));
        Assert.False(RoundPairing.IsValid(Ok(1, "node", 10, 20) with { Checksum = null }, Checksum, false));
        Assert.False(RoundPairing.IsValid(Ok(1, "node", 10, 0), Checksum, false));
        Assert.False(RoundPairing.IsValid(Ok(1, "node", null, 20), Checksum, wholeProcess: false));
        Assert.True(RoundPairing.IsValid(Ok(1, "node", null, 20), Checksum, wholeProcess: true));
    }

    [Fact]
    public void AWrongAnswerIsWrongInEveryStageButAFailureIsNotAWrongAnswer()
    {
        var warmup = Ok(0, "node", 10, 20) with { Stage = SampleStage.Warmup };

        Assert.False(RoundPairing.IsWrongOutput(warmup, Checksum));
        Assert.True(RoundPairing.IsWrongOutput(warmup with { Checksum = "ffffffffffffffff" }, Checksum));
        Assert.True(RoundPairing.IsWrongOutput(warmup with { Outcome = SampleOutcome.ChecksumMismatch }, Checksum));
        Assert.False(RoundPairing.IsWrongOutput(warmup with { Outcome = SampleOutcome.Failed, Checksum = null }, Checksum));
        Assert.False(RoundPairing.IsWrongOutput(warmup with { Outcome = SampleOutcome.TimedOut, Checksum = null }, Checksum));
    }

    [Fact]
    public void ATwinIsPairedWithNativesBaseWorkloadByWholeProcessTime()
    {
        Sample[] native = [Ok(1, "native", 10, 100) with { Workload = "inittable" }];
        Sample[] twin = [Ok(1, "wasmtime", 50, 300) with { Workload = "inittable.preinit" }];

        Assert.Equal([3.0], RoundPairing.Ratios(twin, native, Checksum, wholeProcess: true));
    }

    [Fact]
    public void TheFirstValidSampleOfARoundIsItsBaseline()
    {
        var byRound = RoundPairing.ValidByRound([Ok(1, "native", 0, 0), Ok(1, "native", 10, 100), Ok(1, "native", 20, 200)], Checksum, false);

        Assert.Equal(10, Assert.Single(byRound).Value.KernelNs);
    }

    private static Sample Ok(int round, string runtime, long? kernel, long wall) =>
        new(round, "fib", runtime, SampleStage.Measured, SampleOutcome.Ok, kernel, wall, null, Checksum);
}
