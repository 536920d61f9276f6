using NearNative.Domain.Results;

namespace NearNative.Domain.Statistics;

/// <summary>
/// What the empty program says about a runtime, in units people read. Native's empty process lasts well under a
/// millisecond, so a start-up ratio runs into the hundreds and says little; the milliseconds the runtime adds do.
/// Likewise the peak resident memory of the empty program is the runtime's floor, a size in megabytes, not a ratio.
/// </summary>
/// <param name="AddedMs">Median over rounds of the paired difference runtime − native in whole-process time, in milliseconds, with its interval.</param>
/// <param name="FloorMb">Median peak resident set of the runtime's empty-program processes, in MB (10⁶ bytes), with its interval.</param>
/// <param name="NativeFloorMb">The same median for native's empty program, shown beside the runtime's floor.</param>
public sealed record ColdStartFigures(Estimate? AddedMs, Estimate? FloorMb, double? NativeFloorMb)
{
    public const double BytesPerMb = 1_000_000;

    public static ColdStartFigures None { get; } = new(null, null, null);

    /// <summary>
    /// The figures of one runtime from the measured samples of a run. They exist only when the runtime ran the
    /// empty program correctly (<paramref name="coldStart"/> is <see cref="WorkloadStatus.Ok"/>); a floor needs
    /// at least <see cref="RunAnalysis.MinimumPairs"/> samples that report their peak memory.
    /// </summary>
    public static ColdStartFigures Of(string runtimeId, IReadOnlyList<Sample> measured, WorkloadAnalysis? coldStart)
    {
        if (coldStart is not { Status: WorkloadStatus.Ok })
        {
            return None;
        }

        var workload = coldStart.Workload;
        var native = measured.Where(s => s.Workload == workload.BaselineId && s.Runtime == RuntimeInfo.NativeId).ToList();
        var runtime = measured.Where(s => s.Workload == workload.Id && s.Runtime == runtimeId).ToList();
        // The workload's analysis already paired the rounds; its differences are the added milliseconds.
        var differencesMs = coldStart.AddedMs?.ToArray() ?? [];

        var floor = FloorsMb(runtime, workload.ExpectedChecksum);
        var nativeFloor = FloorsMb(native, workload.ExpectedChecksum);
        return new ColdStartFigures(
            differencesMs.Length >= RunAnalysis.MinimumPairs ? MedianInterval.ComputeAmount(differencesMs) : null,
            floor.Length >= RunAnalysis.MinimumPairs ? MedianInterval.ComputeAmount(floor) : null,
            nativeFloor.Length >= RunAnalysis.MinimumPairs ? Quantiles.Median(nativeFloor) : null);
    }

    /// <summary>Peak resident memory of the valid samples that report it; a failed process's memory is no floor.</summary>
    private static double[] FloorsMb(IEnumerable<Sample> samples, string expectedChecksum) =>
        [.. samples
            .Where(s => RoundPairing.IsValid(s, expectedChecksum, wholeProcess: true) && s.PeakRssBytes is > 0)
            .Select(s => s.PeakRssBytes!.Value / BytesPerMb)];
}
