using NearNative.Api.Cpus;
using NearNative.Api.Leaderboard;
using NearNative.Domain.Cpu;

namespace NearNative.Api.Web.Home;

/// <param name="Board">The leaderboard's answer; null when the filters were refused.</param>
/// <param name="Errors">Why the filters were refused.</param>
public sealed record HomeModel(HomeFilters Filters, LeaderboardResponse? Board, IReadOnlyList<string> Errors);

/// <summary>The filters' current values and the choices each offers.</summary>
/// <param name="Cpus">The CPU keys with accepted submissions, most machines first.</param>
public sealed record HomeFilters(
    LeaderboardParameters Query,
    IReadOnlyList<LeaderboardMetric> Metrics,
    IReadOnlyList<string> Categories,
    IReadOnlyList<CpuResponse> Cpus)
{
    public IReadOnlyList<string> Architectures =>
        [.. Cpus.Select(c => CpuKey.ArchitectureOf(c.CpuKey)).Append(CpuKey.DefaultArchitecture).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> Virtualisations =>
        [.. Cpus.Select(c => CpuKey.VirtualisationOf(c.CpuKey)).Append(CpuKey.BareMetal).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
