namespace NearNative.Domain.Results;

/// <summary>
/// One fresh process: one workload under one runtime in one round. Warm-up samples are kept and
/// labelled, never discarded.
/// </summary>
/// <param name="KernelNs">Self-timed kernel time the workload printed; null when the process failed.</param>
/// <param name="WallNs">Whole-process time measured from outside.</param>
/// <param name="PeakRssBytes">Peak resident set of the measured process, when the platform reports it.</param>
/// <param name="PhasesNs">In-process phases a runtime reports (engine, compile, instantiate, execute), when it does.</param>
public sealed record Sample(
    int Round,
    string Workload,
    string Runtime,
    SampleStage Stage,
    SampleOutcome Outcome,
    long? KernelNs,
    long WallNs,
    long? PeakRssBytes,
    string? Checksum,
    IReadOnlyDictionary<string, long>? PhasesNs = null);

public enum SampleStage
{
    Measured,
    Warmup,
}

public enum SampleOutcome
{
    Ok,
    ChecksumMismatch,
    Failed,
    TimedOut,
}
