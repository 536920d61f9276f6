using NearNative.Agent.Runtimes;
using NearNative.Agent.Suite;

namespace NearNative.Agent.Measurement;

/// <param name="Rounds">Measured rounds; one warm-up round comes first and is kept, labelled.</param>
/// <param name="ScratchRoot">Under the agent's own directory: where file I/O workloads get their fresh scratch directories.</param>
public sealed record MeasurementPlan(
    LoadedSuite Suite,
    string Size,
    IReadOnlyList<IRuntime> Runtimes,
    int Rounds,
    int Seed,
    TimeSpan ProcessTimeout,
    string ScratchRoot);
