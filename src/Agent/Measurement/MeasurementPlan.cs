using NearNative.Agent.Runtimes;

namespace NearNative.Agent.Measurement;

/// <param name="ColdStart">Units measured in their own rounds before the others (the empty program); empty for a user program.</param>
/// <param name="Workloads">Every other unit.</param>
/// <param name="Budget">The whole measurement must fit in this: no round starts that is expected to overrun it.</param>
/// <param name="ScratchRoot">Under the agent's own directory: where file I/O workloads get their fresh scratch directories.</param>
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
    /// <summary>Processes of the warm-up and minimum rounds; extra rounds add to it as they are decided.</summary>
    public int MinimumProcesses =>
        ((Rounds.ColdStart + 1) * ColdStart.Sum(u => u.Runs.Count)) + ((Rounds.Minimum + 1) * Workloads.Sum(u => u.Runs.Count));
}
