namespace NearNative.Api.Leaderboard;

/// <param name="Size">The size asked for, or null when rows of both sizes are listed (full first).</param>
/// <param name="Metric">The metric ranked by, e.g. <c>execution</c> (the default), <c>startup</c> or <c>category:compute</c>.</param>
/// <param name="Direction"><c>lower-is-better</c> for every ratio to native; <c>higher-is-better</c> for <c>preinit-gain</c>. Rank 1 is the best either way.</param>
/// <param name="Description">What the metric measures.</param>
/// <param name="Cpu">The CPU key asked for, or null when every CPU key counts.</param>
public sealed record LeaderboardResponse(
    string Suite,
    string? Size,
    IReadOnlyList<LeaderboardRowResponse> Rows,
    string Metric = "execution",
    string Direction = LeaderboardMetric.LowerIsBetter,
    string Description = "",
    string? Cpu = null);

/// <summary>One runtime version at one size, over every CPU key (or the one asked for).</summary>
/// <param name="Rank">1-based rank within its size, best first in the metric's direction.</param>
/// <param name="Runtime">The runtime's slug, e.g. <c>wasmtime</c> or <c>node-no-liftoff</c>.</param>
/// <param name="Slowdown">For time metrics, the same number as <see cref="Value"/>; null for <c>memory</c> and <c>preinit-gain</c>.</param>
/// <param name="SlowdownText">The slowdown as text, e.g. <c>1.14× native</c>; null when <see cref="Slowdown"/> is.</param>
/// <param name="SpeedPercent">Speed as a percentage of native: 100 / slowdown, rounded; null when <see cref="Slowdown"/> is.</param>
/// <param name="Lower">Lower end of the 95% interval of <see cref="Value"/> (bootstrap over machines, stratified by CPU key).</param>
/// <param name="Upper">Upper end of that interval.</param>
/// <param name="Provisional">True with fewer than 3 machines.</param>
/// <param name="Value">The metric: geometric mean over CPU keys of the per-CPU median over machines.</param>
/// <param name="ValueText">The metric as text, e.g. <c>1.14× native</c> or <c>3.00× faster pre-initialised</c>.</param>
public sealed record LeaderboardRowResponse(
    int Rank,
    string Runtime,
    string Name,
    string Version,
    string Configuration,
    string Size,
    double? Slowdown,
    string? SlowdownText,
    int? SpeedPercent,
    double Lower,
    double Upper,
    int Machines,
    int Submissions,
    int CpuKeys,
    bool Provisional,
    IReadOnlyList<LeaderboardCellResponse> Cells,
    double Value,
    string ValueText);

/// <summary>The runtime on one CPU key: median over machines, each machine counted once.</summary>
/// <param name="Slowdown">For time metrics, the same number as <see cref="Value"/>; null otherwise.</param>
/// <param name="Value">The metric on this CPU key.</param>
public sealed record LeaderboardCellResponse(
    string CpuKey,
    double? Slowdown,
    double Lower,
    double Upper,
    int Machines,
    int Submissions,
    bool Provisional,
    double Value);
