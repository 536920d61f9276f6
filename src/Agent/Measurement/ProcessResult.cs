namespace NearNative.Agent.Measurement;

/// <summary>How one child process ended, seen from outside.</summary>
/// <param name="ExitCode">Null when the process was killed for taking too long.</param>
/// <param name="WallNs">From just before start to observed exit.</param>
public sealed record ProcessResult(int? ExitCode, string Stdout, string StderrTail, long WallNs, bool TimedOut);
