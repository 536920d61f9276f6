namespace NearNative.Agent.Measurement;

/// <summary>How one child process ended, seen from outside.</summary>
/// <param name="ExitCode">Null when the process was killed (time-out, memory cap, signal) or could not start.</param>
/// <param name="WallNs">From just before start to observed exit (from the launcher when there is one).</param>
/// <param name="PeakRssBytes">The process's own peak resident set; null when started without the launcher.</param>
/// <param name="CpuNs">User plus system CPU time of the process; null without the launcher.</param>
/// <param name="MemoryCapExceeded">Killed because its resident set passed the memory cap.</param>
public sealed record ProcessResult(
    int? ExitCode,
    string Stdout,
    string StderrTail,
    long WallNs,
    bool TimedOut,
    long? PeakRssBytes = null,
    long? CpuNs = null,
    bool MemoryCapExceeded = false);
