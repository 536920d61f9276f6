namespace NearNative.Api.Cpus;

/// <param name="Size">The size asked for, or null when both count.</param>
/// <param name="Cpus">Most machines first.</param>
public sealed record CpusResponse(string Suite, string? Size, IReadOnlyList<CpuResponse> Cpus);

/// <summary>One CPU key with accepted submissions; pass it as <c>cpu</c> to the leaderboard.</summary>
/// <param name="CpuKey">architecture/vendor/normalized brand/family-model-stepping/virtualisation, e.g. <c>x86_64/genuineintel/intel-core-i7-9700k/6-158-12/none</c>.</param>
/// <param name="Machines">Distinct machines, each of which votes once in a leaderboard cell.</param>
/// <param name="Submissions">Accepted submissions.</param>
public sealed record CpuResponse(string CpuKey, int Machines, int Submissions);

/// <summary>One CPU key: who reported it, and how each runtime does on it (execution, the default metric).</summary>
/// <param name="CpuKey">The key, as in <c>GET /api/v1/cpus</c>.</param>
/// <param name="Architecture">The key's first segment, e.g. <c>x86_64</c>.</param>
/// <param name="Virtualisation">The key's last segment: <c>none</c> for bare metal, else the hypervisor.</param>
/// <param name="Suite">The suite the counts and figures are for.</param>
/// <param name="Size">The size asked for, or null when both count.</param>
/// <param name="Brands">The brand strings agents reported for this key, most machines first: untrusted text, returned as it is.</param>
/// <param name="Machines">Distinct machines with accepted submissions.</param>
/// <param name="Submissions">Accepted submissions.</param>
/// <param name="QuarantinedSubmissions">Quarantined submissions: stored and listed, left out of every figure.</param>
/// <param name="Runtimes">Each runtime version's execution figure on this CPU key, best first within each size: the leaderboard with <c>cpu=</c> this key.</param>
public sealed record CpuDetailResponse(
    string CpuKey,
    string Architecture,
    string Virtualisation,
    string Suite,
    string? Size,
    IReadOnlyList<CpuBrandResponse> Brands,
    int Machines,
    int Submissions,
    int QuarantinedSubmissions,
    IReadOnlyList<CpuRuntimeResponse> Runtimes);

/// <param name="Brand">As the agent reported it.</param>
/// <param name="Vendor">As the agent reported it.</param>
/// <param name="Machines">Machines that reported this brand under the key, quarantined submissions included.</param>
public sealed record CpuBrandResponse(string Brand, string Vendor, int Machines);

/// <summary>A runtime version's execution (kernel-time ratio to native) on one CPU key.</summary>
/// <param name="Rank">1-based within its size on this CPU key.</param>
/// <param name="Runtime">The runtime's slug.</param>
/// <param name="Value">Median over machines of the kernel-time ratio to native.</param>
/// <param name="ValueText">The value as text, e.g. <c>1.14× native</c>.</param>
/// <param name="Lower">Lower end of the interval.</param>
/// <param name="Upper">Upper end of the interval.</param>
/// <param name="Provisional">True with fewer than 3 machines.</param>
public sealed record CpuRuntimeResponse(
    int Rank,
    string Runtime,
    string Name,
    string Version,
    string Configuration,
    string Size,
    double Value,
    string ValueText,
    double Lower,
    double Upper,
    double Confidence,
    int Machines,
    int Submissions,
    bool Provisional);
