using System.Linq.Expressions;
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
/// <param name="Figure">The per-submission figure, selected from a stored runtime result; a new metric is a new entry with its selector.</param>
/// <param name="Secondary">A figure shown beside the ranked one, e.g. the start-up ratio beside the added milliseconds.</param>
/// <param name="Category">The workload category of a <c>category:</c> metric.</param>
/// <param name="Workload">The one workload of a per-workload metric (<c>workload:fib</c>, <c>workload:fib:process</c>, …).</param>
/// <param name="Shown">The id responses name the metric by when it differs from <paramref name="Id"/>: a per-workload metric is shown as its figure (<c>execution</c>, <c>process</c>, <c>memory</c>) beside the workload.</param>
public sealed record LeaderboardMetric(
    string Id,
    string? BadgeLabel,
    string Description,
    bool HigherIsBetter,
    string Unit,
    bool IsTime,
    Expression<Func<RuntimeResult, Figure?>> Figure,
    SecondaryFigure? Secondary = null,
    string? Category = null,
    string? Workload = null,
    string? Shown = null)
{
    /// <summary>Compiled on first use; a category's or workload's metric gets its selector's, compiled once for all of them.</summary>
    private Func<RuntimeResult, Figure?>? _read;

    public const string CategoryPrefix = "category:";
    public const string WorkloadPrefix = "workload:";
    public const string LowerIsBetter = "lower-is-better";
    public const string HigherIsBetterText = "higher-is-better";
    public const string RatioUnit = "ratio";
    public const string MillisecondsUnit = "ms";
    public const string MegabytesUnit = "MB";
    public const string MicrosecondsUnit = "µs";
    public const string KilobytesUnit = "KB";

    /// <summary>The familiar name people give the default figure, accepted wherever a metric is.</summary>
    public const string SpeedAlias = "speed";

    private static readonly FigureSelector CategoryExecution = new((r, category) =>
        r.Categories.Where(c => c.Category == category).Select(c => c.Execution).FirstOrDefault());

    private static readonly FigureSelector WorkloadRatio = new((r, workload) =>
        r.Workloads.Where(w => w.Workload == workload).Select(w => w.Ratio).FirstOrDefault());

    private static readonly FigureSelector WorkloadProcess = new((r, workload) =>
        r.Workloads.Where(w => w.Workload == workload).Select(w => w.Process).FirstOrDefault());

    private static readonly FigureSelector WorkloadMemory = new((r, workload) =>
        r.Workloads.Where(w => w.Workload == workload).Select(w => w.Memory).FirstOrDefault());

    public static readonly LeaderboardMetric Execution = new(
        "execution", null,
        "Kernel time relative to native: geometric mean over the suite's workloads that are neither start-up nor opt-in (too many writes for a default run).",
        HigherIsBetter: false, RatioUnit, IsTime: true,
        r => r.Execution);

    public static readonly LeaderboardMetric Process = new(
        "process", "process",
        "Whole-process time relative to native (engine start-up, compilation and kernel): geometric mean over the same workloads as execution.",
        HigherIsBetter: false, RatioUnit, IsTime: true,
        r => r.Process);

    public static readonly LeaderboardMetric Memory = new(
        "memory", "memory",
        "Peak resident memory relative to native: geometric mean over the same workloads as execution (the empty program's memory is the floor, see memory-floor).",
        HigherIsBetter: false, RatioUnit, IsTime: false,
        r => r.Memory);

    public static readonly LeaderboardMetric MemoryFloor = new(
        "memory-floor", null,
        "The runtime's memory floor: peak resident MB (10^6 bytes) of the empty program, median over its processes; native's floor beside it.",
        HigherIsBetter: false, MegabytesUnit, IsTime: false,
        r => r.MemoryFloorMb,
        Secondary: new(r => r.NativeMemoryFloorMb, FigureScale.Amount));

    public static readonly LeaderboardMetric Startup = new(
        "startup", null,
        "Start-up: milliseconds the runtime adds to native's empty process (median paired difference); the ratio beside it.",
        HigherIsBetter: false, MillisecondsUnit, IsTime: false,
        r => r.StartupAddedMs,
        Secondary: new(r => r.StartupRatio == null ? null : r.StartupRatio.Value, FigureScale.Ratio));

    public static readonly LeaderboardMetric StartupRatio = new(
        "startup-ratio", "start-up",
        "Cold start: whole-process time of the empty program relative to native. Native's process lasts under a millisecond, so prefer startup.",
        HigherIsBetter: false, RatioUnit, IsTime: true,
        r => r.StartupRatio);

    public static readonly LeaderboardMetric PreinitGain = new(
        "preinit-gain", "pre-init gain",
        "How many times faster the heavy-initialisation workload runs from its Wizer pre-initialised twin than from the plain module (whole process). Higher is better.",
        HigherIsBetter: true, RatioUnit, IsTime: false,
        r => r.PreinitGain);

    public static readonly LeaderboardMetric InstanceStart = new(
        "instance-start", null,
        "Instance start in a running host: median microseconds to create a fresh instance of the pre-linked empty module with its WASI context and run it; native process starts beside it for scale.",
        HigherIsBetter: false, MicrosecondsUnit, IsTime: false,
        r => r.InstanceStartUs);

    public static readonly LeaderboardMetric InstanceDensity = new(
        "instance-density", null,
        "Instance density: resident KB (10^3 bytes) each live instance of the empty module adds to a running host.",
        HigherIsBetter: false, KilobytesUnit, IsTime: false,
        r => Data.Figure.Point(r.InstanceDensityKb));

    public static IReadOnlyList<LeaderboardMetric> Fixed { get; } = [Execution, Process, Memory, MemoryFloor, Startup, StartupRatio, PreinitGain, InstanceStart, InstanceDensity];

    /// <summary>The metric's figure of one stored runtime result (with its categories and workloads loaded), or null when it has none.</summary>
    public Figure? Read(RuntimeResult runtime) => (_read ??= Figure.Compile())(runtime);

    /// <summary>The id responses name the metric by.</summary>
    public string ShownId => Shown ?? Id;

    /// <summary>A metric is its id: two instances of <c>category:compute</c> are the same metric.</summary>
    public bool Equals(LeaderboardMetric? other) => other is not null && other.Id == Id;

    public override int GetHashCode() => Id.GetHashCode(StringComparison.Ordinal);

    public string Direction => HigherIsBetter ? HigherIsBetterText : LowerIsBetter;

    /// <summary>Ratios combine over CPU keys by geometric mean, milliseconds and megabytes by arithmetic mean.</summary>
    public FigureScale Scale => Unit == RatioUnit ? FigureScale.Ratio : FigureScale.Amount;

    public static LeaderboardMetric ForCategory(string category) => new(
        CategoryPrefix + category, category,
        $"Kernel time relative to native over the suite's {category} workloads: geometric mean.",
        HigherIsBetter: false, RatioUnit, IsTime: true,
        CategoryExecution.For(category), Category: category)
    {
        _read = CategoryExecution.Reader(category),
    };

    /// <summary>The figures a single workload has: its kernel, whole-process and memory ratio.</summary>
    public static IReadOnlyList<LeaderboardMetric> PerWorkload { get; } = [Execution, Process, Memory];

    /// <summary>Every per-workload metric of one workload, one per figure of <see cref="PerWorkload"/>.</summary>
    public static IEnumerable<LeaderboardMetric> ForWorkload(string workload) => PerWorkload.Select(figure => ForWorkload(workload, figure));

    /// <summary>
    /// <paramref name="figure"/> (one of <see cref="PerWorkload"/>) on one workload: each submission's median paired
    /// ratio, maintained in cells and aggregated like any other metric. Shown as the figure, beside the workload.
    /// </summary>
    public static LeaderboardMetric ForWorkload(string workload, LeaderboardMetric figure) => figure.Id switch
    {
        "process" => OnWorkload(
            WorkloadPrefix + workload + ":process", $"{workload} process", WorkloadProcess, workload, figure, isTime: true,
            $"Whole-process time relative to native on the {workload} workload: median of paired ratios."),
        "memory" => OnWorkload(
            WorkloadPrefix + workload + ":memory", $"{workload} memory", WorkloadMemory, workload, figure, isTime: false,
            $"Peak resident memory relative to native on the {workload} workload: median of paired ratios."),
        _ => OnWorkload(
            WorkloadPrefix + workload, workload, WorkloadRatio, workload, Execution, isTime: true,
            $"Kernel time relative to native on the {workload} workload (whole-process time for a start-up workload): median of paired ratios."),
    };

    private static LeaderboardMetric OnWorkload(
        string id, string label, FigureSelector selector, string workload, LeaderboardMetric figure, bool isTime, string description) =>
        new(id, label, description, HigherIsBetter: false, RatioUnit, isTime, selector.For(workload), Workload: workload, Shown: figure.Id)
        {
            _read = selector.Reader(workload),
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

/// <param name="Select">The secondary figure of one stored runtime result.</param>
public sealed record SecondaryFigure(Expression<Func<RuntimeResult, double?>> Select, FigureScale Scale)
{
    private readonly Lazy<Func<RuntimeResult, double?>> _read = new(Select.Compile);

    public double? Read(RuntimeResult runtime) => _read.Value(runtime);
}

/// <summary>
/// A figure selected by an expression with one argument, a category or a workload id: each argument's metric gets the
/// expression with the argument in place, and a reader from one compilation shared by every argument.
/// </summary>
public sealed class FigureSelector(Expression<Func<RuntimeResult, string, Figure?>> select)
{
    private readonly Lazy<Func<RuntimeResult, string, Figure?>> _compiled = new(select.Compile);

    public Expression<Func<RuntimeResult, Figure?>> For(string argument) => Expression.Lambda<Func<RuntimeResult, Figure?>>(
        new Substitution(select.Parameters[1], Expression.Constant(argument)).Visit(select.Body),
        select.Parameters[0]);

    public Func<RuntimeResult, Figure?> Reader(string argument) => runtime => _compiled.Value(runtime, argument);

    private sealed class Substitution(ParameterExpression parameter, Expression value) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? value : node;
    }
}
