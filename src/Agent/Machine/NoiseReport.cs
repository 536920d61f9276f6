using NearNative.Domain.Results;

namespace NearNative.Agent.Machine;

/// <summary>How busy the machine was around and during the run.</summary>
public sealed record NoiseReport(double LoadBefore, double LoadAfter, double StealPercent, bool Noisy, int NoisyRounds, IReadOnlyList<RoundNoise> Rounds);
