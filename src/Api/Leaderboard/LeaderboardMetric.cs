using NearNative.Api.Data;
using NearNative.Domain.Suite;

namespace NearNative.Api.Leaderboard;

/// <summary>
/// The per-submission figure a leaderboard ranks by. Every metric is aggregated the same way (one machine one
/// vote, median per CPU key, geometric mean over CPU keys); only the figure and its direction differ.
/// </summary>
/// <param name="Id">The query value, e.g. <c>execution</c> or <c>category:compute</c>.</param>
/// <param name="Label">Short text for badges, e.g. <c>start-up</c>.</param>
/// <param name="Column">The <see cref="RuntimeResult"/> property holding the figure; null for a category, which has its own table.</param>
/// <param name="Category">The workload category of a <c>category:</c> metric.</param>
/// <param name="IsTime">True when the figure is a time ratio to native, so a slowdown and a speed percentage make sense.</param>
public sealed record LeaderboardMetric(
    string Id,
    string Label,
    string Description,
    bool HigherIsBetter,
    bool IsTime,
    string? Column,
    string? Category = null)
{
    public const string CategoryPrefix = "category:";
    public const string LowerIsBetter = "lower-is-better";
    public const string HigherIsBetterText = "higher-is-better";

    public static readonly LeaderboardMetric Execution = new(
        "execution", "execution",
        "Kernel time relative to native: geometric mean over the suite's non-start-up workloads.",
        HigherIsBetter: false, IsTime: true, nameof(RuntimeResult.ExecutionValue));

    public static readonly LeaderboardMetric Process = new(
        "process", "process",
        "Whole-process time relative to native (engine start-up, compilation and kernel): geometric mean over the non-start-up workloads.",
        HigherIsBetter: false, IsTime: true, nameof(RuntimeResult.ProcessValue));

    public static readonly LeaderboardMetric Memory = new(
        "memory", "memory",
        "Peak resident memory relative to native: geometric mean over the workloads.",
        HigherIsBetter: false, IsTime: false, nameof(RuntimeResult.MemoryValue));

    public static readonly LeaderboardMetric Startup = new(
        "startup", "start-up",
        "Cold start: whole-process time of the empty program relative to native.",
        HigherIsBetter: false, IsTime: true, nameof(RuntimeResult.StartupRatio));

    public static readonly LeaderboardMetric PreinitGain = new(
        "preinit-gain", "pre-init gain",
        "How many times faster the heavy-initialisation workload runs from its Wizer pre-initialised twin than from the plain module (whole process). Higher is better.",
        HigherIsBetter: true, IsTime: false, nameof(RuntimeResult.PreinitGainValue));

    public static IReadOnlyList<LeaderboardMetric> Fixed { get; } = [Execution, Process, Memory, Startup, PreinitGain];

    public string Direction => HigherIsBetter ? HigherIsBetterText : LowerIsBetter;

    public static LeaderboardMetric ForCategory(string category) => new(
        CategoryPrefix + category, category,
        $"Kernel time relative to native over the suite's {category} workloads: geometric mean.",
        HigherIsBetter: false, IsTime: true, Column: null, category);

    /// <summary>Every metric a suite offers: the fixed ones, then one per category of its non-start-up workloads.</summary>
    public static IReadOnlyList<LeaderboardMetric> For(SuiteManifest suite) =>
    [
        .. Fixed,
        .. suite.Workloads.Where(w => !w.IsStartup).Select(w => w.Category).Distinct(StringComparer.Ordinal).Select(ForCategory),
    ];

    /// <summary>The metric named by <paramref name="id"/> (null or empty: execution), or null when the suite has no such metric.</summary>
    public static LeaderboardMetric? Find(string? id, SuiteManifest suite) =>
        string.IsNullOrEmpty(id) ? Execution : For(suite).FirstOrDefault(m => m.Id == id);

    public static string[] Invalid(SuiteManifest suite) =>
        [$"Must be one of {string.Join(", ", For(suite).Select(m => m.Id))}."];

    /// <summary>The figure as people read it: <c>1.14× native</c>, or <c>3.00× faster pre-initialised</c> for the gain.</summary>
    public string Format(double value) =>
        HigherIsBetter ? Slowdown.Format(value) + " faster pre-initialised" : Slowdown.FormatVersusNative(value);
}
