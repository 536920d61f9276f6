using NearNative.Domain.Results;

namespace NearNative.Agent.Measurement;

/// <param name="Failures">One line per workload and runtime that failed, with the first failure's reason, for the user.</param>
/// <param name="ColdStartRounds">Measured rounds of the cold-start units.</param>
/// <param name="WorkloadRounds">Measured rounds each unit got, cold start included.</param>
/// <param name="StoppedBy">One of the <c>RunInfo.Stopped…</c> values.</param>
public sealed record MeasurementResult(
    IReadOnlyList<Sample> Samples,
    IReadOnlyList<string> Failures,
    int ColdStartRounds,
    IReadOnlyDictionary<string, int> WorkloadRounds,
    string StoppedBy,
    TimeSpan Elapsed);
