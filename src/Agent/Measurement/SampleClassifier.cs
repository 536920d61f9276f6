using NearNative.Domain.Results;

namespace NearNative.Agent.Measurement;

/// <summary>Turns how a process ended into a sample: ok, wrong answer, failed or timed out.</summary>
public static class SampleClassifier
{
    public static Sample Classify(
        ProcessResult result,
        int round,
        SampleStage stage,
        string workload,
        string runtime,
        string size,
        string expectedChecksum)
    {
        Sample Make(SampleOutcome outcome, long? kernelNs = null, string? checksum = null) =>
            new(round, workload, runtime, stage, outcome, kernelNs, result.WallNs, null, checksum);

        if (result.TimedOut)
        {
            return Make(SampleOutcome.TimedOut);
        }

        if (result.ExitCode != 0
            || !WorkloadOutput.TryParse(result.Stdout, out var output, out _)
            || output!.Workload != workload
            || output.Size != size)
        {
            return Make(SampleOutcome.Failed);
        }

        var checksum = output.Checksum.ToLowerInvariant();
        return Make(
            string.Equals(checksum, expectedChecksum, StringComparison.OrdinalIgnoreCase) ? SampleOutcome.Ok : SampleOutcome.ChecksumMismatch,
            output.KernelNs,
            checksum);
    }
}
