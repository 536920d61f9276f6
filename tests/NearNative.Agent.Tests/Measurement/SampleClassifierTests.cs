using NearNative.Agent.Measurement;
using NearNative.Domain.Results;

namespace NearNative.Agent.Tests.Measurement;

public sealed class SampleClassifierTests
{
    private const string Expected = "0123456789abcdef";

    private static string Line(string workload = "fib", string size = "quick", string checksum = Expected) =>
        $$"""{"workload":"{{workload}}","size":"{{size}}","iterations":3,"kernel_ns":5000,"checksum":"{{checksum}}"}""";

    private static Sample Classify(ProcessResult result) =>
        SampleClassifier.Classify(result, 2, SampleStage.Measured, "fib", "wasmtime", "quick", Expected);

    [Fact]
    public void ACleanExitWithTheExpectedChecksumIsOk()
    {
        var sample = Classify(new ProcessResult(0, Line(), "", 9000, TimedOut: false));

        Assert.Equal(new Sample(2, "fib", "wasmtime", SampleStage.Measured, SampleOutcome.Ok, 5000, 9000, null, Expected), sample);
    }

    [Fact]
    public void AWrongChecksumIsAChecksumMismatchAndKeepsWhatWasPrinted()
    {
        var sample = Classify(new ProcessResult(0, Line(checksum: "ffffffffffffffff"), "", 9000, TimedOut: false));

        Assert.Equal(SampleOutcome.ChecksumMismatch, sample.Outcome);
        Assert.Equal("ffffffffffffffff", sample.Checksum);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, false)]
    public void ANonZeroExitOrAnUnreadableLineIsAFailure(int exitCode, bool goodLine)
    {
        var sample = Classify(new ProcessResult(exitCode, goodLine ? Line() : "garbage", "", 9000, TimedOut: false));

        Assert.Equal(SampleOutcome.Failed, sample.Outcome);
        Assert.Null(sample.KernelNs);
    }

    [Fact]
    public void OutputForAnotherWorkloadOrSizeIsAFailure()
    {
        Assert.Equal(SampleOutcome.Failed, Classify(new ProcessResult(0, Line(workload: "sha256"), "", 9000, false)).Outcome);
        Assert.Equal(SampleOutcome.Failed, Classify(new ProcessResult(0, Line(size: "full"), "", 9000, false)).Outcome);
    }

    [Fact]
    public void AKilledProcessIsTimedOut()
    {
        var sample = Classify(new ProcessResult(null, "", "", 120_000_000_000, TimedOut: true));

        Assert.Equal(SampleOutcome.TimedOut, sample.Outcome);
        Assert.Equal(120_000_000_000, sample.WallNs);
    }
}
