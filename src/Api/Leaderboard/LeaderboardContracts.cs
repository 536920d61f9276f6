namespace NearNative.Api.Leaderboard;

/// <param name="Size">The size asked for, or null when rows of both sizes are listed (full first).</param>
public sealed record LeaderboardResponse(string Suite, string? Size, IReadOnlyList<LeaderboardRowResponse> Rows);

/// <summary>One runtime version at one size, over every CPU key; lower slowdown ranks higher.</summary>
/// <param name="Rank">1-based rank within its size.</param>
/// <param name="Runtime">The runtime's slug, e.g. <c>wasmtime</c> or <c>node-no-liftoff</c>.</param>
/// <param name="Slowdown">Geometric mean over CPU keys of the per-CPU median ratio to native.</param>
/// <param name="SpeedPercent">Speed as a percentage of native: 100 / slowdown, rounded.</param>
/// <param name="Provisional">True with fewer than 3 machines.</param>
public sealed record LeaderboardRowResponse(
    int Rank,
    string Runtime,
    string Name,
    string Version,
    string Configuration,
    string Size,
    double Slowdown,
    string SlowdownText,
    int SpeedPercent,
    double Lower,
    double Upper,
    int Machines,
    int Submissions,
    int CpuKeys,
    bool Provisional,
    IReadOnlyList<LeaderboardCellResponse> Cells);

/// <summary>The runtime on one CPU key: median over machines, each machine counted once.</summary>
public sealed record LeaderboardCellResponse(
    string CpuKey,
    double Slowdown,
    double Lower,
    double Upper,
    int Machines,
    int Submissions,
    bool Provisional);
