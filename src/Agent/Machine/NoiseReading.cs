using System.Diagnostics;

namespace NearNative.Agent.Machine;

/// <summary>One look at how busy the machine is: load, CPU times (for steal) and CPU pressure, with when it was taken.</summary>
public sealed record NoiseReading(double Load, CpuTimes? Cpu, CpuPressure? Pressure, long Timestamp)
{
    public static NoiseReading Take() => new(
        NoiseAssessment.ParseLoadAverage(SystemFiles.TryRead("/proc/loadavg")),
        SystemFiles.TryRead("/proc/stat") is { } stat ? CpuTimes.Parse(stat) : null,
        CpuPressure.Read(),
        Stopwatch.GetTimestamp());

    /// <summary>Steal and pressure over the time between two readings, with the later reading's load.</summary>
    public static NoiseInterval Between(NoiseReading before, NoiseReading after) => new(
        after.Load,
        CpuTimes.StealPercent(before.Cpu, after.Cpu),
        CpuPressure.PercentBetween(before.Pressure, after.Pressure, Stopwatch.GetElapsedTime(before.Timestamp, after.Timestamp)));
}

/// <param name="CpuPressurePercent">Null without <c>/proc/pressure/cpu</c>.</param>
public sealed record NoiseInterval(double Load, double StealPercent, double? CpuPressurePercent);
