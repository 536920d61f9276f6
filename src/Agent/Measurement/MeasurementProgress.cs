using NearNative.Domain.Results;

namespace NearNative.Agent.Measurement;

/// <summary>Where the session is: the process about to start and how many have finished.</summary>
/// <param name="Phase"><see cref="RoundNoise.ColdStartPhase"/> or <see cref="RoundNoise.WorkloadsPhase"/>.</param>
/// <param name="Rounds">Measured rounds planned in this phase so far (the maximum once extra rounds start).</param>
/// <param name="Total">Processes planned so far; grows when extra rounds are added.</param>
public sealed record MeasurementProgress(string Phase, int Round, int Rounds, SampleStage Stage, string Workload, string Runtime, int Completed, int Total);
