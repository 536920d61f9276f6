using System.Globalization;

namespace NearNative.Agent.Machine;

/// <summary>
/// Whether the machine was too busy for clean numbers. A noisy run is labelled, never hidden, and no
/// sample is ever dropped because of it.
/// </summary>
public static class NoiseAssessment
{
    /// <summary>One-minute load above this share of the logical cores, before the run starts, means someone else is working.</summary>
    public const double MaxLoadPerCore = 0.5;

    /// <summary>More CPU time stolen by the hypervisor than this, in percent, over the run.</summary>
    public const double MaxStealPercent = 5.0;

    public static bool IsNoisy(double loadBefore, int logicalCores, double stealPercent) =>
        loadBefore > Math.Max(logicalCores, 1) * MaxLoadPerCore || stealPercent > MaxStealPercent;

    /// <summary>The one-minute load average from <c>/proc/loadavg</c>; 0 when unreadable.</summary>
    public static double ParseLoadAverage(string? loadAvg)
    {
        var first = (loadAvg ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : 0;
    }
}
