using System.Diagnostics;
using System.Globalization;

namespace NearNative.Agent.Machine;

/// <summary>
/// Before measuring, waits (bounded) for the machine to be quiet: low load, little steal, little CPU pressure.
/// Proceeding on a busy machine is allowed; the run is then labelled noisy.
/// </summary>
public static class QuietWait
{
    /// <summary>The first look: steal and pressure need two readings some time apart.</summary>
    public static readonly TimeSpan FirstLook = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(5);

    /// <param name="notice">Gets one line when waiting starts and one when the wait gives up.</param>
    public static async Task<QuietWaitResult> WaitAsync(int logicalCores, TimeSpan maxWait, Action<string> notice, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var before = NoiseReading.Take();
        await Task.Delay(FirstLook, cancellationToken);
        var waiting = false;
        while (true)
        {
            var after = NoiseReading.Take();
            var interval = NoiseReading.Between(before, after);
            var waited = Stopwatch.GetElapsedTime(started);
            if (NoiseAssessment.IsQuiet(interval, logicalCores))
            {
                return new QuietWaitResult(true, waited, interval, after.Pressure?.SomeAvg10);
            }

            var remaining = maxWait + FirstLook - waited;
            if (remaining <= TimeSpan.Zero)
            {
                if (waiting)
                {
                    notice($"still busy after {Duration(waited)} ({Describe(interval, logicalCores)}); measuring anyway, and the run is marked noisy");
                }

                return new QuietWaitResult(false, waited, interval, after.Pressure?.SomeAvg10);
            }

            if (!waiting)
            {
                notice($"waiting up to {Duration(maxWait)} for a quiet machine ({Describe(interval, logicalCores)})");
                waiting = true;
            }

            before = after;
            await Task.Delay(remaining < Recheck ? remaining : Recheck, cancellationToken);
        }
    }

    public static string Describe(NoiseInterval reading, int logicalCores) =>
        string.Create(CultureInfo.InvariantCulture, $"load {reading.Load:0.00} on {logicalCores} cores, steal {reading.StealPercent:0.0}%")
        + (reading.CpuPressurePercent is { } p ? string.Create(CultureInfo.InvariantCulture, $", CPU pressure {p:0.0}%") : "");

    public static string Duration(TimeSpan span) => span.TotalSeconds < 90
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0}s")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#}m");
}

/// <param name="Reading">The last reading taken.</param>
/// <param name="CpuPressureAvg10">The kernel's own ten-second average at the end, when it reports one.</param>
public sealed record QuietWaitResult(bool Quiet, TimeSpan Waited, NoiseInterval Reading, double? CpuPressureAvg10);
