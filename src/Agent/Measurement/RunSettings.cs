using NearNative.Agent.Native;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Measurement;

/// <summary>What <c>run</c> was asked to do, after parsing and before anything is measured.</summary>
/// <param name="Runtimes">Slugs to run besides native; null for every known runtime.</param>
/// <param name="Rounds">Minimum measured rounds; null for the default of the size.</param>
/// <param name="Seed">Seed of the round order; null for a random one (recorded in the document either way).</param>
/// <param name="MaxRounds">Most measured rounds a workload whose interval stays wide can get; null for the default.</param>
/// <param name="Budget">Whole-suite time budget; null for the default of the size.</param>
/// <param name="MaxWait">How long to wait for a quiet machine before measuring anyway; null for the default.</param>
/// <param name="MemoryCapBytes">Resident memory above which a measured process is killed; null for the default.</param>
/// <param name="Custom">A user's own program to measure instead of the suite.</param>
/// <param name="ScratchParent">Where the run's scratch directory goes (<c>--scratch</c>); null for the system temporary directory.</param>
/// <param name="MaxWriteBytes">Most bytes the file I/O workloads may write in the run; null for the default.</param>
public sealed record RunSettings(
    bool Quick,
    IReadOnlyList<string>? Runtimes,
    int? Rounds,
    int? Seed,
    string? SuiteDirectory,
    bool Pin,
    int? MaxRounds = null,
    TimeSpan? Budget = null,
    TimeSpan? MaxWait = null,
    long? MemoryCapBytes = null,
    CustomProgram? Custom = null,
    string? ScratchParent = null,
    long? MaxWriteBytes = null)
{
    /// <summary>Six rounds are the fewest whose sign-test interval reaches 95% (96.9%), and keep <c>--quick</c> short.</summary>
    public const int DefaultQuickRounds = 6;

    /// <summary>At least 10 rounds per workload, so a 95% interval can be read (docs/statistics.md).</summary>
    public const int DefaultFullRounds = 10;

    public const int DefaultMaxRounds = 30;

    public static readonly TimeSpan DefaultFullBudget = TimeSpan.FromMinutes(15);
    /// <summary>
    /// Room for the six rounds of every runtime a machine has: with eight rows on a 2-core VM a fresh home spends about
    /// 30 s preparing, 40 s on cold start and 20 s a round; two minutes left no workload with a ratio.
    /// </summary>
    public static readonly TimeSpan DefaultQuickBudget = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DefaultMaxWait = TimeSpan.FromMinutes(2);

    public string Size => Quick ? SuiteManifest.QuickSize : SuiteManifest.FullSize;

    public int EffectiveRounds => Rounds ?? (Quick ? DefaultQuickRounds : DefaultFullRounds);

    /// <summary>
    /// Never below the minimum: <c>--rounds 40</c> alone means 40 rounds, not an error. A quick run is a first look and
    /// stops at its minimum unless told otherwise; a full run adds rounds while an interval is wide.
    /// </summary>
    public int EffectiveMaxRounds => Math.Max(MaxRounds ?? (Quick ? DefaultQuickRounds : DefaultMaxRounds), EffectiveRounds);

    public int ColdStartRounds => Math.Max(RoundPolicy.MinimumColdStart, EffectiveRounds);

    public RoundPolicy RoundPolicy => new(EffectiveRounds, EffectiveMaxRounds, ColdStartRounds);

    public TimeSpan EffectiveBudget => Budget ?? (Quick ? DefaultQuickBudget : DefaultFullBudget);

    public TimeSpan EffectiveMaxWait => MaxWait ?? DefaultMaxWait;

    public long EffectiveMemoryCapBytes => MemoryCapBytes ?? ChildLimits.DefaultMemoryCapBytes;

    public long EffectiveMaxWriteBytes => MaxWriteBytes ?? WriteBudget.DefaultCapBytes;

    /// <summary>Per-process limit; generous, because a slow runtime gets more time, never a smaller input.</summary>
    public TimeSpan ProcessTimeout => Quick ? TimeSpan.FromSeconds(120) : TimeSpan.FromSeconds(600);
}
