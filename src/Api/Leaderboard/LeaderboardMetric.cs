using NearNative.Api.Data;
using NearNative.Domain.Statistics;
using NearNative.Domain.Suite;

namespace NearNative.Api.Leaderboard;

/// <summary>
/// The per-submission figure a leaderboard ranks by. Every metric is aggregated the same way (one machine one
/// vote, median per CPU key, CPU keys weighted equally); only the figure, its unit and its direction differ.
/// </summary>
/// <param name="Id">The query value, e.g. <c>execution</c> or <c>category:compute</c>.</param>
/// <param name="BadgeLabel">What a badge's label adds to the runtime's name, e.g. <c>compute</c>; null when the message says it.</param>
/// <param name="Unit"><see cref="RatioUnit"/>, <see cref="MillisecondsUnit"/>, <see cref="MegabytesUnit"/>, <see cref="MicrosecondsUnit"/> or <see cref="KilobytesUnit"/>.</param>
/// <param name="IsTime">True when the figure is a time ratio to native, so a slowdown and a speed percentage make sense.</param>
/// <param name="Columns">The <see cref="RuntimeResult"/> properties holding the figure; null for a category, which has its own table.</param>
/// <param name="Category">The workload category of a <c>category:</c> metric.</param>
/// <param name="Secondary">A figure shown beside the ranked one, e.g. the start-up ratio beside the added milliseconds.</param>
/// <param name="Workload">The one workload of a per-workload metric, whose <see cref="Columns"/> name <see cref="WorkloadResult"/> properties.</param>
public sealed record LeaderboardMetric(
    string Id,
    string? BadgeLabel,
    string Description,
    bool HigherIsBetter,
    string Unit,
    bool IsTime,
    FigureColumns? Columns,
    string? Category = null,
    SecondaryFigure? Secondary = null,
    string? Workload = null)
{
    public const string CategoryPrefix = "category:";
    public const string LowerIsBetter = "lower-is-better";
    public const string HigherIsBetterText = "higher-is-better";
    public const string RatioUnit = "ratio";
    public const string MillisecondsUnit = "ms";
    public const string MegabytesUnit = "MB";
    public const string MicrosecondsUnit = "µs";
    public const string KilobytesUnit = "KB";

    /// <summary>The familiar name people give the default figure, accepted wherever a metric is.</summary>
    public const string SpeedAlias = "speed";

    public static readonly LeaderboardMetric Execution = new(
        "execution", null,
        "Kernel time relative to native: geometric mean over the suite's non-start-up workloads.",
        HigherIsBetter: false, RatioUnit, IsTime: true,
        new(nameof(RuntimeResult.ExecutionValue), nameof(RuntimeResult.ExecutionLower), nameof(RuntimeResult.ExecutionUpper), nameof(RuntimeResult.ExecutionConfidence)));

    public static readonly LeaderboardMetric Process = new(
        "process", "process",
        "Whole-process time relative to native (engine start-up, compilation and kernel): geometric mean over the non-start-up workloads.",
        HigherIsBetter: false, RatioUnit, IsTime: true,
        new(nameof(RuntimeResult.ProcessValue), nameof(RuntimeResult.ProcessLower), nameof(RuntimeResult.ProcessUpper), nameof(RuntimeResult.ProcessConfidence)));

    public static readonly LeaderboardMetric Memory = new(
        "memory", "memory",
        "Peak resident memory relative to native: geometric mean over the non-start-up workloads (the empty program's memory is the floor, see memory-floor).",
        HigherIsBetter: false, RatioUnit, IsTime: false,
        new(nameof(RuntimeResult.MemoryValue), nameof(RuntimeResult.MemoryLower), nameof(RuntimeResult.MemoryUpper), nameof(RuntimeResult.MemoryConfidence)));

    public static readonly LeaderboardMetric MemoryFloor = new(
        "memory-floor", null,
        "The runtime's memory floor: peak resident MB (10^6 bytes) of the empty program, median over its processes; native's floor beside it.",
        HigherIsBetter: false, MegabytesUnit, IsTime: false,
        new(nameof(RuntimeResult.MemoryFloorMb), nameof(RuntimeResult.MemoryFloorLower), nameof(RuntimeResult.MemoryFloorUpper), nameof(RuntimeResult.MemoryFloorConfidence)),
        Secondary: new(nameof(RuntimeResult.NativeMemoryFloorMb), FigureScale.Amount));

    public static readonly LeaderboardMetric Startup = new(
        "startup", null,
        "Start-up: milliseconds the runtime adds to native's empty process (median paired difference); the ratio beside it.",
        HigherIsBetter: false, MillisecondsUnit, IsTime: false,
        new(nameof(RuntimeResult.StartupAddedMs), nameof(RuntimeResult.StartupAddedLower), nameof(RuntimeResult.StartupAddedUpper), nameof(RuntimeResult.StartupAddedConfidence)),
        Secondary: new(nameof(RuntimeResult.StartupRatio), FigureScale.Ratio));

    public static readonly LeaderboardMetric StartupRatio = new(
        "startup-ratio", "start-up",
        "Cold start: whole-process time of the empty program relative to native. Native's process lasts under a millisecond, so prefer startup.",
        HigherIsBetter: false, RatioUnit, IsTime: true,
        new(nameof(RuntimeResult.StartupRatio), nameof(RuntimeResult.StartupLower), nameof(RuntimeResult.StartupUpper), nameof(RuntimeResult.StartupConfidence)));

    public static readonly LeaderboardMetric PreinitGain = new(
        "preinit-gain", "pre-init gain",
        "How many times faster the heavy-initialisation workload runs from its Wizer pre-initialised twin than from the plain module (whole process). Higher is better.",
        HigherIsBetter: true, RatioUnit, IsTime: false,
        new(nameof(RuntimeResult.PreinitGainValue), nameof(RuntimeResult.PreinitGainLower), nameof(RuntimeResult.PreinitGainUpper), nameof(RuntimeResult.PreinitGainConfidence)));

    public static readonly LeaderboardMetric InstanceStart = new(
        "instance-start", null,
        "Instance start in a running host: median microseconds to create a fresh instance of the pre-linked empty module with its WASI context and run it; native process starts beside it for scale.",
        HigherIsBetter: false, MicrosecondsUnit, IsTime: false,
        new(nameof(RuntimeResult.InstanceStartUs), nameof(RuntimeResult.InstanceStartLower), nameof(RuntimeResult.InstanceStartUpper), nameof(RuntimeResult.InstanceStartConfidence)));

    public static readonly LeaderboardMetric InstanceDensity = new(
        "instance-density", null,
        "Instance density: resident KB (10^3 bytes) each live instance of the empty module adds to a running host.",
        HigherIsBetter: false, KilobytesUnit, IsTime: false,
        new(nameof(RuntimeResult.InstanceDensityKb)));

    public static IReadOnlyList<LeaderboardMetric> Fixed { get; } = [Execution, Process, Memory, MemoryFloor, Startup, StartupRatio, PreinitGain, InstanceStart, InstanceDensity];

    public string Direction => HigherIsBetter ? HigherIsBetterText : LowerIsBetter;

    /// <summary>Ratios combine over CPU keys by geometric mean, milliseconds and megabytes by arithmetic mean.</summary>
    public FigureScale Scale => Unit == RatioUnit ? FigureScale.Ratio : FigureScale.Amount;

    public static LeaderboardMetric ForCategory(string category) => new(
        CategoryPrefix + category, category,
        $"Kernel time relative to native over the suite's {category} workloads: geometric mean.",
        HigherIsBetter: false, RatioUnit, IsTime: true, Columns: null, category);

    /// <summary>The figures a single workload has: its kernel, whole-process and memory ratio.</summary>
    public static IReadOnlyList<LeaderboardMetric> PerWorkload { get; } = [Execution, Process, Memory];

    /// <summary>
    /// <paramref name="figure"/> (one of <see cref="PerWorkload"/>) on one workload: the median paired ratio of each
    /// submission, aggregated like any other. Its id stays the figure's; the response names the workload.
    /// </summary>
    public static LeaderboardMetric ForWorkload(string workload, LeaderboardMetric figure) => figure.Id switch
    {
        "process" => new(figure.Id, $"{workload} process", $"Whole-process time relative to native on the {workload} workload: median of paired ratios.",
            HigherIsBetter: false, RatioUnit, IsTime: true,
            new(nameof(WorkloadResult.ProcessMedian), nameof(WorkloadResult.ProcessLower), nameof(WorkloadResult.ProcessUpper), nameof(WorkloadResult.ProcessConfidence)),
            Workload: workload),
        "memory" => new(figure.Id, $"{workload} memory", $"Peak resident memory relative to native on the {workload} workload: median of paired ratios.",
            HigherIsBetter: false, RatioUnit, IsTime: false,
            new(nameof(WorkloadResult.MemoryMedian), nameof(WorkloadResult.MemoryLower), nameof(WorkloadResult.MemoryUpper), nameof(WorkloadResult.MemoryConfidence)),
            Workload: workload),
        _ => new(Execution.Id, workload, $"Kernel time relative to native on the {workload} workload (whole-process time for a start-up workload): median of paired ratios.",
            HigherIsBetter: false, RatioUnit, IsTime: true,
            new(nameof(WorkloadResult.Median), nameof(WorkloadResult.Lower), nameof(WorkloadResult.Upper), nameof(WorkloadResult.Confidence)),
            Workload: workload),
    };

    /// <summary>Every metric a suite offers: the fixed ones, then one per category of its non-start-up workloads.</summary>
    public static IReadOnlyList<LeaderboardMetric> For(SuiteManifest suite) =>
    [
        .. Fixed,
        .. suite.Workloads.Where(w => !w.IsStartup).Select(w => w.Category).Distinct(StringComparer.Ordinal).Select(ForCategory),
    ];

    /// <summary>The metric named by <paramref name="id"/> (null or empty: execution), or null when the suite has no such metric.</summary>
    public static LeaderboardMetric? Find(string? id, SuiteManifest suite) =>
        string.IsNullOrEmpty(id) || id == SpeedAlias ? Execution : For(suite).FirstOrDefault(m => m.Id == id);

    public static string[] Invalid(SuiteManifest suite) =>
        [$"Must be one of {string.Join(", ", For(suite).Select(m => m.Id))} ('{SpeedAlias}' is another name for execution)."];

    /// <summary>The figure as people read it: <c>1.14× native</c>, <c>+4.2 ms over native</c>, <c>9.8 MB floor</c>, <c>19 µs per instance</c> or <c>3.00× faster pre-initialised</c>.</summary>
    public string Format(double value) => Unit switch
    {
        MillisecondsUnit => Amount.Milliseconds(value) + " over native",
        MegabytesUnit => Amount.Megabytes(value) + " floor",
        MicrosecondsUnit => Amount.Microseconds(value) + " per instance",
        KilobytesUnit => Amount.Kilobytes(value) + " per live instance",
        _ when HigherIsBetter => Slowdown.Format(value) + " faster pre-initialised",
        _ => Slowdown.FormatVersusNative(value),
    };

    /// <summary>The badge's message, short enough for a README: <c>+4.2 ms start</c>, <c>9.8 MB floor</c>, <c>19 µs instance start</c>, <c>3.00× faster</c>.</summary>
    public string BadgeMessage(double value) => Unit switch
    {
        MillisecondsUnit => Amount.Milliseconds(value) + " start",
        MegabytesUnit => Amount.Megabytes(value) + " floor",
        MicrosecondsUnit => Amount.Microseconds(value) + " instance start",
        KilobytesUnit => Amount.Kilobytes(value) + " per instance",
        _ when HigherIsBetter => Slowdown.Format(value) + " faster",
        _ => Slowdown.FormatVersusNative(value),
    };
}

/// <summary>Names of the <see cref="RuntimeResult"/> properties that hold a figure and its interval.</summary>
/// <param name="Lower">Null for a figure measured once per run (instance density), which has no interval of its own.</param>
public sealed record FigureColumns(string Value, string? Lower = null, string? Upper = null, string? Confidence = null)
{
    public bool HasInterval => Lower is not null && Upper is not null && Confidence is not null;
}

/// <param name="Column">The <see cref="RuntimeResult"/> property holding the figure.</param>
public sealed record SecondaryFigure(string Column, FigureScale Scale);
