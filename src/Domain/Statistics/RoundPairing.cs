using NearNative.Domain.Results;

namespace NearNative.Domain.Statistics;

/// <summary>
/// The one pairing rule behind every ratio. A runtime's sample is divided by native's sample of the same round
/// (same workload, or the base workload of a pre-initialised twin), and only samples that ran, gave the expected
/// answer and have positive times take part. <see cref="RunAnalysis"/> (the agent's report and the server's
/// recomputation) and the agent's adaptive rounds both pair through here, so they can never disagree.
/// </summary>
public static class RoundPairing
{
    /// <param name="wholeProcess">The figure is whole-process time (start-up workloads), so no kernel time is needed.</param>
    public static bool IsValid(Sample sample, string expectedChecksum, bool wholeProcess) =>
        sample.Outcome == SampleOutcome.Ok
        && sample.Checksum == expectedChecksum
        && sample.WallNs > 0
        && (wholeProcess || sample.KernelNs > 0);

    /// <summary>
    /// The sample printed an answer other than the expected one, or the agent said so. Judged in every stage:
    /// a runtime that computes a wrong answer in its warm-up gets no ratio either, however right its measured
    /// rounds are.
    /// </summary>
    public static bool IsWrongOutput(Sample sample, string expectedChecksum) =>
        sample.Outcome == SampleOutcome.ChecksumMismatch
        || (sample.Outcome == SampleOutcome.Ok && sample.Checksum != expectedChecksum);

    /// <summary>The valid samples by round; should a round hold two, the first counts.</summary>
    public static Dictionary<int, Sample> ValidByRound(IEnumerable<Sample> samples, string expectedChecksum, bool wholeProcess) =>
        samples
            .Where(s => IsValid(s, expectedChecksum, wholeProcess))
            .GroupBy(s => s.Round)
            .ToDictionary(g => g.Key, g => g.First());

    /// <summary>Each valid runtime sample with native's sample of its round; rounds native lacks are left out.</summary>
    public static IEnumerable<(Sample Runtime, Sample Native)> Pair(
        IEnumerable<Sample> runtime, IReadOnlyDictionary<int, Sample> native, string expectedChecksum, bool wholeProcess) =>
        runtime
            .Where(s => IsValid(s, expectedChecksum, wholeProcess) && native.ContainsKey(s.Round))
            .Select(s => (s, native[s.Round]));

    /// <summary>Runtime over native: whole-process time, or kernel time.</summary>
    public static double Ratio(Sample runtime, Sample native, bool wholeProcess) =>
        wholeProcess
            ? (double)runtime.WallNs / native.WallNs
            : (double)runtime.KernelNs!.Value / native.KernelNs!.Value;

    /// <summary>The paired ratios of one workload under one runtime, in the runtime's sample order.</summary>
    public static List<double> Ratios(IEnumerable<Sample> runtime, IEnumerable<Sample> native, string expectedChecksum, bool wholeProcess) =>
        [.. Pair(runtime, ValidByRound(native, expectedChecksum, wholeProcess), expectedChecksum, wholeProcess)
            .Select(p => Ratio(p.Runtime, p.Native, wholeProcess))];
}
