namespace NearNative.Api.Leaderboard;

/// <param name="Size">The size asked for, or null when rows of both sizes are listed (full first).</param>
/// <param name="Metric">The metric ranked by, e.g. <c>execution</c> (the default), <c>startup</c> or <c>category:compute</c>; with a workload, its figure (<c>execution</c>, <c>process</c> or <c>memory</c>).</param>
/// <param name="Direction"><c>lower-is-better</c> for every metric but <c>preinit-gain</c>, which is <c>higher-is-better</c>. Rank 1 is the best either way.</param>
/// <param name="Description">What the metric measures.</param>
/// <param name="Cpu">The CPU key asked for, or null when every CPU key counts.</param>
/// <param name="Unit">The unit of every row's <c>value</c>: <c>ratio</c> (runtime over native), <c>ms</c> (milliseconds added to native, for <c>startup</c>), <c>MB</c> (10^6 bytes, for <c>memory-floor</c>), <c>µs</c> (per instance, for <c>instance-start</c>) or <c>KB</c> (10^3 bytes per live instance, for <c>instance-density</c>).</param>
/// <param name="NoisyOnly">Runtime versions with a figure whose every submission was marked noisy: listed, not ranked.</param>
/// <param name="NativeBaselines">For <c>instance-start</c>: how long the native empty program takes to start as a process, per size, architecture and method, for scale; null for other metrics.</param>
/// <param name="Category">The workload category ranked by (from <c>category</c> or <c>metric=category:…</c>); null otherwise.</param>
/// <param name="Workload">The one workload ranked by; null when the figure combines workloads.</param>
/// <param name="Architecture">The architecture asked for, or null for every one.</param>
/// <param name="Virtualisation">The virtualisation asked for (<c>none</c> is bare metal), or null for every one.</param>
/// <param name="Runtime">The runtime slug asked for, or null for every runtime.</param>
/// <param name="Version">The runtime version asked for, or null for every version.</param>
public sealed record LeaderboardResponse(
    string Suite,
    string? Size,
    IReadOnlyList<LeaderboardRowResponse> Rows,
    string Metric = "execution",
    string Direction = LeaderboardMetric.LowerIsBetter,
    string Description = "",
    string? Cpu = null,
    string Unit = LeaderboardMetric.RatioUnit,
    IReadOnlyList<NoisyOnlyRowResponse>? NoisyOnly = null,
    IReadOnlyList<NativeBaselineResponse>? NativeBaselines = null,
    string? Category = null,
    string? Workload = null,
    string? Architecture = null,
    string? Virtualisation = null,
    string? Runtime = null,
    string? Version = null);

/// <summary>The native empty program started as a process, over the same suite, size and CPU keys as the rows, per architecture.</summary>
/// <param name="Architecture">The CPU keys' architecture, e.g. <c>x86_64</c>: two are never pooled.</param>
/// <param name="Method"><c>fork-exec</c>, <c>posix-spawn</c> or <c>namespaced</c> (new user, PID, mount, network, IPC and UTS namespaces: a container's isolation without an image).</param>
/// <param name="MedianUs">Microseconds per start: each submission's median, then one machine one vote and CPU keys weighted equally.</param>
public sealed record NativeBaselineResponse(string Size, string Architecture, string Method, double MedianUs, int Machines, int Submissions);

/// <summary>One runtime version at one size on one architecture, over every CPU key of it (or the one asked for).</summary>
/// <param name="Rank">1-based rank within its size and architecture, best first in the metric's direction.</param>
/// <param name="Runtime">The runtime's slug, e.g. <c>wasmtime</c> or <c>node-no-liftoff</c>.</param>
/// <param name="Architecture">The architecture of every CPU key in the row, e.g. <c>x86_64</c> or <c>aarch64</c>: a figure never pools two.</param>
/// <param name="Slowdown">For time-ratio metrics, the same number as <see cref="Value"/>; null for the others.</param>
/// <param name="SlowdownText">The slowdown as text, e.g. <c>1.14× native</c>; null when <see cref="Slowdown"/> is.</param>
/// <param name="SpeedPercent">Speed as a percentage of native: 100 / slowdown, rounded; null when <see cref="Slowdown"/> is.</param>
/// <param name="Lower">Lower end of the interval of <see cref="Value"/>: the CPU cells' intervals pooled (normal, each cell's standard error read off its interval and confidence), or, with one CPU key, that cell's interval.</param>
/// <param name="Upper">Upper end of that interval.</param>
/// <param name="Submissions">Submissions counted; noisy ones are not.</param>
/// <param name="Provisional">True with fewer than 3 machines.</param>
/// <param name="Value">The metric in the response's unit, over CPU keys weighted equally: a geometric mean of per-CPU medians for ratios, an arithmetic mean for milliseconds and megabytes.</param>
/// <param name="ValueText">The metric as text, e.g. <c>1.14× native</c>, <c>+4.2 ms over native</c>, <c>9.8 MB floor</c>, <c>19 µs per instance</c> or <c>3.00× faster pre-initialised</c>.</param>
/// <param name="Confidence">The confidence <see cref="Lower"/> and <see cref="Upper"/> reach, e.g. 0.95.</param>
/// <param name="AddedMs">For <c>startup</c>: the milliseconds added to native's empty process, the same number as <see cref="Value"/>; null otherwise.</param>
/// <param name="StartupRatio">For <c>startup</c>: the whole-process ratio of the empty program over the same submissions, a secondary figure; null otherwise.</param>
/// <param name="FloorMb">For <c>memory-floor</c>: the runtime's floor in MB, the same number as <see cref="Value"/>; null otherwise.</param>
/// <param name="NativeFloorMb">For <c>memory-floor</c>: native's floor in MB on the same machines; null otherwise.</param>
/// <param name="NoisySubmissions">Submissions marked noisy: shown here, left out of every figure.</param>
public sealed record LeaderboardRowResponse(
    int Rank,
    string Runtime,
    string Name,
    string Version,
    string Configuration,
    string Size,
    string Architecture,
    double? Slowdown,
    string? SlowdownText,
    int? SpeedPercent,
    double Lower,
    double Upper,
    int Machines,
    int Submissions,
    int CpuKeys,
    bool Provisional,
    IReadOnlyList<LeaderboardCellResponse>? Cells,
    double Value,
    string ValueText,
    double Confidence = 0,
    double? AddedMs = null,
    double? StartupRatio = null,
    double? FloorMb = null,
    double? NativeFloorMb = null,
    int NoisySubmissions = 0);

/// <summary>The runtime on one CPU key: median over machines, each machine counted once.</summary>
/// <param name="Slowdown">For time-ratio metrics, the same number as <see cref="Value"/>; null otherwise.</param>
/// <param name="Lower">Lower end of the interval: the sign-test interval of the median over machines, or with one machine the interval its submissions were recomputed with.</param>
/// <param name="Value">The metric on this CPU key, in the response's unit.</param>
/// <param name="Confidence">The confidence the interval reaches.</param>
/// <param name="AddedMs">For <c>startup</c>, the same number as <see cref="Value"/>.</param>
/// <param name="FloorMb">For <c>memory-floor</c>, the same number as <see cref="Value"/>.</param>
/// <param name="NoisySubmissions">Submissions on this CPU key marked noisy: counted here, not in <see cref="Value"/>.</param>
public sealed record LeaderboardCellResponse(
    string CpuKey,
    double? Slowdown,
    double Lower,
    double Upper,
    int Machines,
    int Submissions,
    bool Provisional,
    double Value,
    double Confidence = 0,
    double? AddedMs = null,
    double? FloorMb = null,
    int NoisySubmissions = 0);

/// <summary>A runtime version that has the metric's figure only from noisy submissions (on one architecture).</summary>
public sealed record NoisyOnlyRowResponse(
    string Runtime,
    string Name,
    string Version,
    string Configuration,
    string Size,
    string Architecture,
    int NoisySubmissions,
    int Machines);
