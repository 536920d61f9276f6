using Microsoft.AspNetCore.Http.HttpResults;
using NearNative.Api.Data;
using NearNative.Api.Leaderboard;
using NearNative.Api.Runtimes;
using NearNative.Api.Suites;
using NearNative.Domain.Cpu;

namespace NearNative.Api.Web.BadgeBuilder;

/// <summary>The badge page: a live preview of each badge variant of one runtime, with snippets to copy.</summary>
public static class BadgeEndpoint
{
    /// <summary>The CPUs offered as variants: the runtime's with the most machines.</summary>
    private const int CpuVariants = 3;

    /// <param name="runtime">The runtime's slug; default the first runtime with results.</param>
    public static async Task<RazorComponentResult> Get(
        string? runtime,
        HttpRequest request,
        NearNativeDbContext db,
        SuiteCatalog suites,
        CancellationToken cancellationToken)
    {
        var listed = await RuntimesApi.List(new RuntimeParameters(), db, suites, cancellationToken);
        if (listed.Result is not Ok<RuntimesResponse> { Value: { } runtimes })
        {
            return Page.For(listed.Result);
        }

        var site = $"{request.Scheme}://{request.Host}{request.PathBase}";
        var chosen = runtimes.Runtimes.FirstOrDefault(r => r.Runtime == runtime) ?? (runtimes.Runtimes.Count > 0 ? runtimes.Runtimes[0] : null);
        if (chosen is null)
        {
            return Page.Render<BadgePage>(new BadgeModel(site, runtimes.Runtimes, null, []));
        }

        // Only variants with a figure are offered: any other badge is a grey "no data" image.
        var answer = await LeaderboardApi.Get(new LeaderboardParameters { Runtime = chosen.Runtime }, db, suites, cancellationToken);
        var rows = answer.Result is Ok<LeaderboardResponse> { Value: { } board } ? board.Rows : [];
        var architecture = rows.Any(r => r.Architecture == CpuKey.DefaultArchitecture) || rows.Count == 0 ? null : rows[0].Architecture;
        var detail = await RuntimesApi.Get(chosen.Runtime, new RuntimeParameters { Architecture = architecture ?? CpuKey.DefaultArchitecture }, db, suites, cancellationToken);
        var measured = detail.Result is Ok<RuntimeDetailResponse> { Value: { } figures }
            ? figures.Versions.SelectMany(v => v.Figures.Keys).ToHashSet(StringComparer.Ordinal)
            : [];
        var manifest = suites.Find(runtimes.Suite)!;
        var prefix = architecture is null ? "" : "arch=" + architecture;
        var variants = new List<BadgeVariant> { new("Speed", prefix), new("Speed, square corners", Join(prefix, "style=flat-square")) };
        variants.AddRange(new[] { LeaderboardMetric.Startup, LeaderboardMetric.MemoryFloor, LeaderboardMetric.InstanceStart }
            .Where(m => measured.Contains(m.Id))
            .Select(m => new BadgeVariant(Labels.Metric(m), Join(prefix, "metric=" + m.Id))));
        variants.AddRange(LeaderboardMetric.For(manifest)
            .Where(m => m.Category is not null && measured.Contains(m.Id))
            .Select(m => new BadgeVariant($"Speed on {m.Category} workloads", Join(prefix, "category=" + m.Category))));
        variants.AddRange(rows
            .Select(r => r.Architecture)
            .Where(a => a != CpuKey.DefaultArchitecture && a != architecture)
            .Distinct(StringComparer.Ordinal)
            .Select(a => new BadgeVariant($"Speed on {a}", "arch=" + a)));
        variants.AddRange(rows
            .SelectMany(r => r.Cells)
            .GroupBy(c => c.CpuKey, StringComparer.Ordinal)
            .OrderByDescending(g => g.Max(c => c.Machines))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(CpuVariants)
            .Select(g => new BadgeVariant($"Speed on {Labels.Cpu(g.Key)}", "cpu=" + Uri.EscapeDataString(g.Key))));
        return Page.Render<BadgePage>(new BadgeModel(site, runtimes.Runtimes, chosen, variants));
    }

    private static string Join(string first, string second) => first.Length == 0 ? second : $"{first}&{second}";
}
