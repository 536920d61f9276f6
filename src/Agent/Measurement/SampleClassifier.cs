using System.Security.Cryptography;
using System.Text;
using NearNative.Agent.Runtimes;
using NearNative.Domain.Results;

namespace NearNative.Agent.Measurement;

/// <summary>Turns how a process ended into a sample: ok, wrong answer, failed or timed out.</summary>
public static class SampleClassifier
{
    /// <param name="printedWorkload">The name the program prints in its result line; a twin prints its base workload's.</param>
    public static Sample Classify(
        ProcessResult result,
        int round,
        SampleStage stage,
        string workload,
        string runtime,
        string size,
        string expectedChecksum,
        string? printedWorkload = null)
    {
        if (result.TimedOut)
        {
            return Make(result, round, stage, workload, runtime, SampleOutcome.TimedOut);
        }

        if (result.ExitCode != 0
            || !WorkloadOutput.TryParse(result.Stdout, out var output, out _)
            || output!.Workload != (printedWorkload ?? workload)
            || output.Size != size)
        {
            return Make(result, round, stage, workload, runtime, SampleOutcome.Failed);
        }

        var checksum = output.Checksum.ToLowerInvariant();
        return Make(
            result,
            round,
            stage,
            workload,
            runtime,
            string.Equals(checksum, expectedChecksum, StringComparison.OrdinalIgnoreCase) ? SampleOutcome.Ok : SampleOutcome.ChecksumMismatch,
            output.KernelNs,
            checksum);
    }

    /// <summary>
    /// A user's program prints no result line: its figure is the whole process (also as the kernel time, so the
    /// analysis treats it like any workload) and its answer is the checksum of its whole stdout.
    /// </summary>
    public static Sample ClassifyUserProgram(ProcessResult result, int round, SampleStage stage, string workload, string runtime, string expectedChecksum)
    {
        if (result.TimedOut)
        {
            return Make(result, round, stage, workload, runtime, SampleOutcome.TimedOut);
        }

        if (result.ExitCode != 0)
        {
            return Make(result, round, stage, workload, runtime, SampleOutcome.Failed);
        }

        var checksum = StdoutChecksum(result.Stdout);
        return Make(
            result,
            round,
            stage,
            workload,
            runtime,
            checksum == expectedChecksum ? SampleOutcome.Ok : SampleOutcome.ChecksumMismatch,
            result.WallNs,
            checksum);
    }

    /// <summary>The first 16 hex digits of the SHA-256 of the UTF-8 stdout: as long as a suite checksum.</summary>
    public static string StdoutChecksum(string stdout) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stdout)))[..WorkloadOutput.ChecksumLength];

    private static Sample Make(
        ProcessResult result,
        int round,
        SampleStage stage,
        string workload,
        string runtime,
        SampleOutcome outcome,
        long? kernelNs = null,
        string? checksum = null) =>
        new(
            round,
            workload,
            runtime,
            stage,
            outcome,
            kernelNs,
            result.WallNs,
            result.PeakRssBytes,
            checksum,
            outcome == SampleOutcome.Ok && RuntimePhases.TryParse(result.StderrTail, out var phases) ? phases : null);
}
