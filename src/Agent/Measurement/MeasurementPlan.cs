using NearNative.Agent.Runtimes;

namespace NearNative.Agent.Measurement;

/// <param name="ColdStart">Units measured in their own rounds before the others (the empty program); empty for a user program.</param>
/// <param name="Workloads">Every other unit.</param>
/// <param name="Budget">The whole measurement must fit in this: no round starts that is expected to overrun it.</param>
/// <param name="ScratchRoot">The run's scratch directory (<c>--scratch</c>): where file I/O workloads get their fresh directories.</param>
/// <param name="WorkingDirectory">Working directory of processes that need no scratch directory.</param>
public sealed record MeasurementPlan(
    IReadOnlyList<IRuntime> Runtimes,
    IReadOnlyList<WorkloadUnit> ColdStart,
    IReadOnlyList<WorkloadUnit> Workloads,
    RoundPolicy Rounds,
    TimeSpan Budget,
    int Seed,
    TimeSpan ProcessTimeout,
    string ScratchRoot,
    string WorkingDirectory)
{
    /// <summary>Processes of the warm-up and minimum rounds (fewer for a unit the write cap limits); extra rounds add to it as they are decided.</summary>
    public int MinimumProcesses =>
        ((Rounds.ColdStart + 1) * ColdStart.Sum(u => u.Runs.Count))
        + Workloads.Sum(u => (Math.Min(Rounds.Minimum, u.MaxMeasuredRounds ?? Rounds.Minimum) + 1) * u.Runs.Count);
}
