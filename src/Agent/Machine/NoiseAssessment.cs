using System.Globalization;

namespace NearNative.Agent.Machine;

/// <summary>
/// Whether the machine was too busy for clean numbers. A noisy run or round is labelled, never hidden, and no
/// sample is ever dropped because of it.
/// </summary>
public static class NoiseAssessment
{
    /// <summary>One-minute load above this share of the logical cores, before the run starts, means someone else is working.</summary>
    public const double MaxLoadPerCore = 0.5;

    /// <summary>More CPU time stolen by the hypervisor than this, in percent.</summary>
    public const double MaxStealPercent = 5.0;

    /// <summary>Runnable tasks waiting for a CPU for more than this share of the time, in percent.</summary>
    public const double MaxCpuPressurePercent = 10.0;

    /// <summary>A run is noisy when the machine was busy when it started, or in more than this share of its rounds.</summary>
    public const double MaxNoisyRoundShare = 0.1;

    public static bool IsNoisy(double loadBefore, int logicalCores, double stealPercent) =>
        loadBefore > Math.Max(logicalCores, 1) * MaxLoadPerCore || stealPercent > MaxStealPercent;

    /// <summary>Quiet enough to start measuring: low load, little steal, little CPU pressure (when the kernel reports it).</summary>
    public static bool IsQuiet(NoiseInterval reading, int logicalCores) =>
        reading.Load <= Math.Max(logicalCores, 1) * MaxLoadPerCore
        && reading.StealPercent <= MaxStealPercent
        && (reading.CpuPressurePercent ?? 0) <= MaxCpuPressurePercent;

    /// <summary>
    /// A round is noisy when steal was high during it, or the load went past what the agent's own single pinned
    /// process adds (one) on top of the quiet threshold. CPU pressure is recorded but not judged here: with the
    /// agent and every measured process pinned to one core, a multi-threaded runtime stalls on its own threads
    /// (measured: the Wasmtime host alone, pinned, shows 13% pressure; whole rounds 70-90%), so during the run
    /// pressure says more about the runtime than about the neighbours. It still gates the quiet check before.
    /// </summary>
    public static bool IsNoisyRound(NoiseInterval round, int logicalCores) =>
        round.Load > (Math.Max(logicalCores, 1) * MaxLoadPerCore) + 1
        || round.StealPercent > MaxStealPercent;

    public static bool IsNoisyRun(bool quietBefore, int noisyRounds, int rounds) =>
        !quietBefore || (rounds > 0 && noisyRounds > rounds * MaxNoisyRoundShare);

    /// <summary>The one-minute load average from <c>/proc/loadavg</c>; 0 when unreadable.</summary>
    public static double ParseLoadAverage(string? loadAvg)
    {
        var first = (loadAvg ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : 0;
    }
}
