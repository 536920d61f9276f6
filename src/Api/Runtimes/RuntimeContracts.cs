namespace NearNative.Api.Runtimes;

/// <param name="Suite">The suite the runtimes were measured on.</param>
/// <param name="Size">The size asked for, or null when both count.</param>
/// <param name="Runtimes">By slug.</param>
public sealed record RuntimesResponse(string Suite, string? Size, IReadOnlyList<RuntimeSummaryResponse> Runtimes);

/// <summary>A runtime (a slug: name plus declared configuration) with accepted submissions.</summary>
/// <param name="Runtime">The slug, e.g. <c>wasmtime</c> or <c>node-no-liftoff</c>.</param>
/// <param name="Name">As reported in the newest accepted submission: untrusted text.</param>
/// <param name="Configuration"><c>default</c> or the declared variant's name.</param>
/// <param name="Versions">Distinct versions reported.</param>
/// <param name="NewestVersion">The version of the newest accepted submission.</param>
/// <param name="Machines">Distinct machines.</param>
/// <param name="Submissions">Accepted submissions, noisy ones included.</param>
/// <param name="FirstReceivedAt">When the first accepted submission with this runtime arrived.</param>
/// <param name="LastReceivedAt">When the newest arrived.</param>
public sealed record RuntimeSummaryResponse(
    string Runtime,
    string Name,
    string Configuration,
    int Versions,
    string NewestVersion,
    int Machines,
    int Submissions,
    DateTimeOffset FirstReceivedAt,
    DateTimeOffset LastReceivedAt);

/// <summary>One runtime's versions over time, each with every leaderboard figure.</summary>
/// <param name="Versions">One entry per version, size and architecture, oldest first by when the version was first submitted.</param>
public sealed record RuntimeDetailResponse(
    string Runtime,
    string Name,
    string Configuration,
    string Suite,
    string? Size,
    IReadOnlyList<RuntimeVersionResponse> Versions);

/// <param name="Version">As reported by the agents.</param>
/// <param name="Architecture">The CPU keys' architecture, e.g. <c>x86_64</c>: each has its own entry, never pooled.</param>
/// <param name="FirstReceivedAt">When the first accepted submission of this version (and size, on this architecture) arrived.</param>
/// <param name="LastReceivedAt">When the newest arrived.</param>
/// <param name="Machines">Distinct machines per CPU key, summed over the architecture's keys.</param>
/// <param name="Submissions">Accepted submissions, noisy ones included.</param>
/// <param name="NoisySubmissions">Of those, marked noisy: shown, left out of every figure.</param>
/// <param name="Figures">
/// The version's figure for each leaderboard metric it has, keyed by the metric's id (<c>execution</c>,
/// <c>startup</c>, <c>memory-floor</c>, …), over this architecture's CPU keys weighted equally, from the cells the leaderboard reads.
/// </param>
public sealed record RuntimeVersionResponse(
    string Version,
    string Size,
    string Architecture,
    DateTimeOffset FirstReceivedAt,
    DateTimeOffset LastReceivedAt,
    int Machines,
    int Submissions,
    int NoisySubmissions,
    IReadOnlyDictionary<string, RuntimeFigureResponse> Figures);

/// <param name="Unit"><c>ratio</c>, <c>ms</c>, <c>MB</c>, <c>µs</c> or <c>KB</c>, as in the leaderboard.</param>
/// <param name="Direction"><c>lower-is-better</c> or <c>higher-is-better</c>.</param>
/// <param name="ValueText">The value as text, e.g. <c>1.14× native</c> or <c>+4.2 ms over native</c>.</param>
/// <param name="Lower">Lower end of the interval.</param>
/// <param name="Upper">Upper end of the interval.</param>
/// <param name="Machines">Machines counted (quiet submissions only).</param>
/// <param name="Submissions">Submissions counted.</param>
/// <param name="CpuKeys">CPU keys the figure spans.</param>
/// <param name="Provisional">True with fewer than 3 machines.</param>
public sealed record RuntimeFigureResponse(
    double Value,
    string ValueText,
    string Unit,
    string Direction,
    double Lower,
    double Upper,
    double Confidence,
    int Machines,
    int Submissions,
    int CpuKeys,
    bool Provisional);
