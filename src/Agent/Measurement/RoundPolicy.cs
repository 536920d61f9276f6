namespace NearNative.Agent.Measurement;

/// <summary>How many rounds: a minimum for every workload, more for those whose interval is still wide, up to a maximum.</summary>
/// <param name="ColdStart">Measured rounds of the empty program, in their own rounds.</param>
/// <param name="TargetHalfWidth">Stop adding rounds to a workload once every runtime's 95% interval is within ± this (relative).</param>
public sealed record RoundPolicy(int Minimum, int Maximum, int ColdStart, double TargetHalfWidth = RoundPolicy.DefaultTargetHalfWidth)
{
    public const double DefaultTargetHalfWidth = 0.02;

    /// <summary>Start-up is the median of at least 20 fresh processes per runtime (docs/statistics.md).</summary>
    public const int MinimumColdStart = 20;
}
