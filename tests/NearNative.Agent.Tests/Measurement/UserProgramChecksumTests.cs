using NearNative.Agent.Measurement;
using NearNative.Domain.Results;

namespace NearNative.Agent.Tests.Measurement;

public sealed class UserProgramChecksumTests
{
    [Fact]
    public void TheChecksumIsTheFirstSixteenHexDigitsOfTheSha256OfStdout()
    {
        // printf 'hello\n' | sha256sum → 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03
        Assert.Equal("5891b5b522d5df08", SampleClassifier.StdoutChecksum("hello\n"));
    }

    [Fact]
    public void AUserProgramsFigureIsItsWholeProcessTime()
    {
        var result = new ProcessResult(0, "hello\n", "", 42_000_000, TimedOut: false, PeakRssBytes: 1 << 20);

        var sample = SampleClassifier.ClassifyUserProgram(result, 1, SampleStage.Measured, "custom", "wasmtime", "5891b5b522d5df08");

        Assert.Equal(SampleOutcome.Ok, sample.Outcome);
        Assert.Equal((42_000_000L, 42_000_000L, 1L << 20), (sample.KernelNs!.Value, sample.WallNs, sample.PeakRssBytes!.Value));
    }

    [Fact]
    public void OutputThatDiffersFromTheNativeRunIsAWrongAnswer()
    {
        var result = new ProcessResult(0, "hello!\n", "", 42_000_000, TimedOut: false);

        var sample = SampleClassifier.ClassifyUserProgram(result, 1, SampleStage.Measured, "custom", "wasmtime", "5891b5b522d5df08");

        Assert.Equal(SampleOutcome.ChecksumMismatch, sample.Outcome);
    }

    [Fact]
    public void ANonZeroExitIsAFailure()
    {
        var result = new ProcessResult(1, "hello\n", "", 42_000_000, TimedOut: false);

        Assert.Equal(SampleOutcome.Failed, SampleClassifier.ClassifyUserProgram(result, 1, SampleStage.Measured, "custom", "node", "5891b5b522d5df08").Outcome);
    }
}
