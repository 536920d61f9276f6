using Microsoft.AspNetCore.Http.HttpResults;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Api.Suites;
using NearNative.Domain.Cpu;
using NearNative.Domain.Suite;

namespace NearNative.Api.Leaderboard;

/// <summary>The ranking of runtimes by a metric relative to native, normalized per CPU key.</summary>
public static class LeaderboardApi
{
    /// <summary>Output-cache tag of every answer that lists all runtimes (leaderboards, CPU lists); evicted by every change to a cell.</summary>
    public const string CacheTag = "leaderboard";

    /// <summary>Output-cache tag of every cached answer, for clearing the whole cache at once (tests); no change to a cell evicts it.</summary>
    public const string EverythingTag = "everything";

    public const string CachePolicy = "leaderboard";

    /// <summary>The policy of answers about one runtime (badges), tagged with <see cref="RuntimeTag"/> of the route's runtime.</summary>
    public const string RuntimeCachePolicy = "runtime";

    /// <summary>Output-cache tag of the answers about one runtime: evicted only when one of that runtime's cells changes.</summary>
    public static string RuntimeTag(string slug) => "runtime:" + slug;

    public static WebApplicationBuilder AddLeaderboard(this WebApplicationBuilder builder)
    {
        var seconds = builder.Configuration.GetValue("Leaderboard:CacheSeconds", 30);
        builder.Services.AddOutputCache(options =>
        {
            options.AddPolicy(CachePolicy, policy => policy
                .Expire(TimeSpan.FromSeconds(seconds))
                .SetVaryByQuery("suite", "size", "metric", "cpu")
                .Tag(CacheTag, EverythingTag));
            options.AddPolicy(RuntimeCachePolicy, policy => policy
                .Expire(TimeSpan.FromSeconds(seconds))
                .SetVaryByQuery("metric")
                .Tag(EverythingTag)
                .AddPolicy<RuntimeTagPolicy>());
        });
        builder.Services.AddSingleton<RuntimeDirectory>();
        builder.Services.AddScoped<CellMaintenance>();
        return builder;
    }

    public static RouteGroupBuilder MapLeaderboard(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/leaderboard").WithDescribedTag(
            "Leaderboard", "Runtimes ranked by their ratio to native, with confidence intervals, overall or on one CPU.")
            .CacheOutput(CachePolicy);
        group.MapGet("/", Get).WithName("GetLeaderboard").WithSummary("Runtimes ranked by a metric relative to native");
        return group;
    }

    /// <param name="suite">Suite id; default the newest suite the server knows.</param>
    /// <param name="size"><c>quick</c> or <c>full</c>; default both, full rows first.</param>
    /// <param name="metric">
    /// What to rank by: <c>execution</c> (default; kernel time), <c>process</c> (whole-process time), <c>memory</c>
    /// (peak resident memory ratio on the non-start-up workloads), <c>memory-floor</c> (MB of peak resident memory on
    /// the empty program), <c>startup</c> (milliseconds added to native's empty process), <c>startup-ratio</c> (the same
    /// as a ratio), <c>preinit-gain</c> (speed-up from Wizer pre-initialisation; higher is better), <c>instance-start</c>
    /// (microseconds per instance in a running host, native process starts beside it), <c>instance-density</c> (KB per
    /// live instance), or
    /// <c>category:&lt;name&gt;</c> for the kernel time of one workload category, e.g. <c>category:compute</c>.
    /// </param>
    /// <param name="cpu">A CPU key (see <c>GET /api/v1/cpus</c>): rank on that CPU only. An unknown key gives no rows.</param>
    public static async Task<Results<Ok<LeaderboardResponse>, ValidationProblem, NotFoundProblem>> Get(
        NearNativeDbContext db,
        SuiteCatalog suites,
        CancellationToken cancellationToken,
        string? suite = null,
        string? size = null,
        string? metric = null,
        string? cpu = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (size is not null && !SuiteManifest.IsKnownSize(size))
        {
            errors["size"] = [$"Must be '{SuiteManifest.QuickSize}' or '{SuiteManifest.FullSize}'."];
        }

        if (cpu is not null && !IsCpuKeyShaped(cpu))
        {
            errors["cpu"] = [$"Must be a CPU key of at most {CpuKey.MaxLength} printable characters, as listed by /api/v1/cpus."];
        }

        var suiteId = suite ?? suites.Newest;
        var manifest = suites.Find(suiteId);
        var chosen = manifest is null ? null : LeaderboardMetric.Find(metric, manifest);
        if (manifest is not null && chosen is null)
        {
            errors["metric"] = LeaderboardMetric.Invalid(manifest);
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (manifest is null)
        {
            return new NotFoundProblem(suite is null ? "This server knows no suite." : $"Unknown suite '{suite}'.");
        }

        var rows = await LeaderboardQuery.RowsAsync(db, manifest.Suite, size, chosen!, cpu, cancellationToken);
        var baselines = chosen == LeaderboardMetric.InstanceStart
            ? await NativeBaselines.QueryAsync(db, manifest.Suite, size, cpu, cancellationToken)
            : null;
        return TypedResults.Ok(new LeaderboardResponse(
            manifest.Suite,
            size,
            [.. rows.Ranked.Select(r => ToResponse(r, chosen!))],
            chosen!.Id,
            chosen.Direction,
            chosen.Description,
            cpu,
            chosen.Unit,
            [.. rows.NoisyOnly.Select(r => new NoisyOnlyRowResponse(r.Slug, r.Name, r.Version, r.Configuration, r.Size, r.NoisySubmissions, r.Machines))],
            baselines));
    }

    /// <summary>Anything longer or with control characters cannot be a key; refusing it keeps junk out of the cache.</summary>
    public static bool IsCpuKeyShaped(string cpu) =>
        cpu.Length is > 0 and <= CpuKey.MaxLength && !cpu.Any(char.IsControl);

    private static LeaderboardRowResponse ToResponse(LeaderboardRow row, LeaderboardMetric metric)
    {
        var figure = row.Ranking.Figure;
        double? slowdown = metric.IsTime ? figure.Value : null;
        var startup = metric == LeaderboardMetric.Startup;
        var floor = metric == LeaderboardMetric.MemoryFloor;
        return new LeaderboardRowResponse(
            row.Rank,
            row.Slug,
            row.Name,
            row.Version,
            row.Configuration,
            row.Size,
            slowdown,
            slowdown is { } s ? Slowdown.FormatVersusNative(s) : null,
            slowdown is { } p ? Slowdown.SpeedPercent(p) : null,
            figure.Lower,
            figure.Upper,
            row.Ranking.Machines,
            row.Ranking.Submissions,
            row.Ranking.Cells.Count,
            row.Ranking.Provisional,
            [.. row.Ranking.Cells.Select(c => new LeaderboardCellResponse(
                c.CpuKey,
                metric.IsTime ? c.Figure.Value : null,
                c.Figure.Lower,
                c.Figure.Upper,
                c.Machines,
                c.Submissions,
                c.Provisional,
                c.Figure.Value,
                c.Figure.Confidence,
                startup ? c.Figure.Value : null,
                floor ? c.Figure.Value : null,
                row.NoisyByCpu.GetValueOrDefault(c.CpuKey)))],
            figure.Value,
            metric.Format(figure.Value),
            figure.Confidence,
            startup ? figure.Value : null,
            startup ? row.Secondary : null,
            floor ? figure.Value : null,
            floor ? row.Secondary : null,
            row.NoisySubmissions);
    }
}
