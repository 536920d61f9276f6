using NearNative.Domain.Results;

namespace NearNative.Agent.Measurement;

/// <param name="Failures">One line per workload and runtime that failed, with the first failure's reason, for the user.</param>
public sealed record MeasurementResult(IReadOnlyList<Sample> Samples, IReadOnlyList<string> Failures);
