namespace NearNative.Agent.Machine;

/// <summary>How busy the machine was around the run.</summary>
public sealed record NoiseReport(double LoadBefore, double LoadAfter, double StealPercent, bool Noisy);
