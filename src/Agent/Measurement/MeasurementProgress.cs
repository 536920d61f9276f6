using NearNative.Domain.Results;

namespace NearNative.Agent.Measurement;

/// <summary>Where the session is: the process about to start and how many have finished.</summary>
public sealed record MeasurementProgress(int Round, int Rounds, SampleStage Stage, string Workload, string Runtime, int Completed, int Total);
