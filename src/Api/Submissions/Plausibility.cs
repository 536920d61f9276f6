using System.Globalization;
using NearNative.Api.Data;
using NearNative.Domain.Suite;

namespace NearNative.Api.Submissions;

/// <summary>
/// Figures no real runtime produces, checked on every stored figure. A submission with one is quarantined: kept and
/// shown, left out of the leaderboard, never deleted. The bounds are wide on purpose: they catch broken clocks and
/// forged samples, not slow runtimes (an interpreter may be hundreds of times slower than native).
/// </summary>
public static class Plausibility
{
    public const double MinExecutionRatio = 0.01;
    public const double MaxExecutionRatio = 1000;

    /// <summary>A runtime's peak memory may be tens of times native's tiny static binary, never a ten-thousandth or ten thousand times.</summary>
    public const double MinMemoryRatio = 1e-4;
    public const double MaxMemoryRatio = 1e4;

    /// <summary>Native's empty process lasts under a millisecond, so a start-up ratio runs into the hundreds.</summary>
    public const double MaxStartupRatio = 1e5;

    /// <summary>Native's empty process lasts under a millisecond, so no runtime saves more; a minute added to an empty program is a hang.</summary>
    public const double MinStartupAddedMs = -10;
    public const double MaxStartupAddedMs = 60_000;

    /// <summary>Peak resident MB of an empty program: more than a page, less than a large machine's memory.</summary>
    public const double MinMemoryFloorMb = 0.01;
    public const double MaxMemoryFloorMb = 100_000;

    /// <summary>Microseconds to start one instance in a running host: more than a nanosecond, less than ten seconds.</summary>
    public const double MinInstanceStartUs = 0.001;
    public const double MaxInstanceStartUs = 1e7;

    private static readonly Bound[] RuntimeBounds =
    [
        new("execution ratio", r => r.Execution, MinExecutionRatio, MaxExecutionRatio),
        new("process ratio", r => r.Process, MinExecutionRatio, MaxExecutionRatio),
        new("memory ratio", r => r.Memory, MinMemoryRatio, MaxMemoryRatio),
        new("start-up ratio", r => r.StartupRatio, MinExecutionRatio, MaxStartupRatio),
        new("start-up ms added", r => r.StartupAddedMs, MinStartupAddedMs, MaxStartupAddedMs),
        new("memory floor MB", r => r.MemoryFloorMb, MinMemoryFloorMb, MaxMemoryFloorMb),
        new("pre-initialisation gain", r => r.PreinitGain, MinExecutionRatio, MaxExecutionRatio),
        new("instance start µs", r => r.InstanceStartUs, MinInstanceStartUs, MaxInstanceStartUs),
    ];

    /// <summary>Why the stored figures are implausible, or null when they are plausible.</summary>
    public static string? QuarantineReason(IEnumerable<RuntimeResult> runtimes)
    {
        foreach (var runtime in runtimes)
        {
            var figures = RuntimeBounds.Select(b => (b.Name, Figure: b.Select(runtime), b.Min, b.Max))
                .Concat(runtime.Categories.Select(c => ($"category {c.Category} ratio", c.Execution, MinExecutionRatio, MaxExecutionRatio)))
                .Concat(runtime.Workloads.SelectMany(w => new[]
                {
                    // A start-up workload's kernel does next to nothing, so its kernel ratio is noise and left unbounded.
                    ($"workload {w.Workload} ratio", w.Category == WorkloadManifest.StartupCategory ? null : w.Ratio, MinExecutionRatio, MaxExecutionRatio),
                    ($"workload {w.Workload} process ratio", w.Process, MinExecutionRatio, MaxStartupRatio),
                    ($"workload {w.Workload} memory ratio", w.Memory, MinMemoryRatio, MaxMemoryRatio),
                }));
            foreach (var (name, figure, min, max) in figures)
            {
                if (figure is { Value: var value } && !(value >= min && value <= max))
                {
                    return string.Create(CultureInfo.InvariantCulture,
                        $"Runtime {runtime.Slug}: {name} {value:G4} is outside [{min}, {max}].");
                }
            }
        }

        return null;
    }

    private sealed record Bound(string Name, Func<RuntimeResult, Figure?> Select, double Min, double Max);
}
