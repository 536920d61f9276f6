using NearNative.Domain.Results;

namespace NearNative.Domain.Statistics;

/// <summary>
/// What one <see cref="InstanceStart"/> measurement says, in the units people read: microseconds per instance and
/// kilobytes per live instance. Computed from the raw values by whoever shows them (agent report, server), never
/// taken from the agent.
/// </summary>
/// <param name="Instances">How many measured starts the figures come from (warm-up left out).</param>
/// <param name="MedianUs">Median start in microseconds, with its sign-test interval.</param>
/// <param name="P99Us">99th percentile in microseconds (linear interpolation between order statistics): the slow starts a busy platform sees.</param>
/// <param name="KbPerLiveInstance">
/// (resident after − resident before) / live instances, in KB (10³ bytes): what each instance kept alive costs the
/// host. Null when no live instances were measured.
/// </param>
public sealed record InstanceStartFigures(string Runtime, string Method, int Instances, Estimate MedianUs, double P99Us, double? KbPerLiveInstance)
{
    /// <summary>Fewer starts than the cold-start rounds of a run say too little about a distribution's tail.</summary>
    public const int MinimumInstances = 20;

    public const double BytesPerKb = 1_000;

    private const double NsPerUs = 1_000;

    /// <summary>The figures, or null when the method was unavailable or measured fewer than <see cref="MinimumInstances"/> starts.</summary>
    public static InstanceStartFigures? Of(InstanceStart measurement)
    {
        if (measurement.UnavailableReason is not null || measurement.StartNs.Count < MinimumInstances)
        {
            return null;
        }

        var sorted = measurement.StartNs.Select(ns => ns / NsPerUs).Order().ToArray();
        return new InstanceStartFigures(
            measurement.Runtime,
            measurement.Method,
            sorted.Length,
            MedianInterval.ComputeAmount(sorted),
            Quantiles.OfSorted(sorted, 0.99),
            KbPerLive(measurement));
    }

    /// <summary>The figures of every usable measurement, in document order.</summary>
    public static IReadOnlyList<InstanceStartFigures> Of(IEnumerable<InstanceStart> measurements) =>
        [.. measurements.Select(Of).OfType<InstanceStartFigures>()];

    private static double? KbPerLive(InstanceStart measurement) =>
        measurement is { LiveInstances: > 0, ResidentBytesBefore: { } before, ResidentBytesAfter: { } after }
            ? (after - before) / (double)measurement.LiveInstances / BytesPerKb
            : null;
}
