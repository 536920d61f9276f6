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

        var answer = await LeaderboardApi.Get(new LeaderboardParameters { Runtime = chosen.Runtime }, db, suites, cancellationToken);
        var rows = answer.Result is Ok<LeaderboardResponse> { Value: { } board } ? board.Rows : [];
        var manifest = suites.Find(runtimes.Suite)!;
        var variants = new List<BadgeVariant>
        {
            new("Speed", ""),
            new("Speed, square corners", "style=flat-square"),
            new("Process start-up", "metric=startup"),
            new("Memory floor", "metric=memory-floor"),
            new("Instance start in a running host", "metric=instance-start"),
        };
        variants.AddRange(LeaderboardMetric.For(manifest)
            .Where(m => m.Category is not null)
            .Select(m => new BadgeVariant($"Speed on {m.Category} workloads", "category=" + m.Category)));
        variants.AddRange(rows
            .Select(r => r.Architecture)
            .Where(a => a != CpuKey.DefaultArchitecture)
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
}
