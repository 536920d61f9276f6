using NearNative.Agent.Runtimes;
using NearNative.Agent.Suite;

namespace NearNative.Agent.Measurement;

/// <param name="Rounds">Measured rounds; one warm-up round comes first and is kept, labelled.</param>
public sealed record MeasurementPlan(
    LoadedSuite Suite,
    string Size,
    IReadOnlyList<IRuntime> Runtimes,
    int Rounds,
    int Seed,
    TimeSpan ProcessTimeout);
