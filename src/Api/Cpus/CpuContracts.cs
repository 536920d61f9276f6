namespace NearNative.Api.Cpus;

/// <param name="Size">The size asked for, or null when both count.</param>
/// <param name="Cpus">Most machines first.</param>
public sealed record CpusResponse(string Suite, string? Size, IReadOnlyList<CpuResponse> Cpus);

/// <summary>One CPU key with accepted submissions; pass it as <c>cpu</c> to the leaderboard.</summary>
/// <param name="CpuKey">architecture/vendor/normalized brand/family-model-stepping/virtualisation, e.g. <c>x86_64/genuineintel/intel-core-i7-9700k/6-158-12/none</c>.</param>
/// <param name="Machines">Distinct machines, each of which votes once in a leaderboard cell.</param>
/// <param name="Submissions">Accepted submissions.</param>
public sealed record CpuResponse(string CpuKey, int Machines, int Submissions);
