using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Api.Submissions;
using NearNative.Api.Suites;

namespace NearNative.Api.Leaderboard;

/// <summary>The ranking of runtimes by a metric relative to native, normalized per CPU key.</summary>
public static class LeaderboardApi
{
    /// <summary>Output-cache tag of every answer that lists all runtimes (leaderboards, CPUs, runtimes); evicted by every change to a cell.</summary>
    public const string CacheTag = "leaderboard";

    /// <summary>Output-cache tag of every cached answer, for clearing the whole cache at once (tests); no change to a cell evicts it.</summary>
    public const string EverythingTag = "everything";

    public const string CachePolicy = "leaderboard";

    /// <summary>
    /// The policy of the CPU and runtime resources: figures from cells like the leaderboard's, beside counts of stored
    /// submissions, so a submission quarantined on arrival (which changes no cell) evicts them too.
    /// </summary>
    public const string CountsCachePolicy = "leaderboard-counts";

    /// <summary>
    /// Every query parameter of the endpoints under <see cref="CachePolicy"/> and <see cref="CountsCachePolicy"/>
    /// (leaderboard, CPUs, runtimes); the output cache varies by these and ignores any other, so junk parameters cannot fill it.
    /// </summary>
    public static readonly string[] QueryNames =
        ["suite", "size", "metric", "cpu", "category", "workload", "architecture", "virtualisation", "runtime", "version"];

    /// <summary>Output-cache tag of the answers about one runtime (badges): evicted only when one of that runtime's cells changes.</summary>
    public static string RuntimeTag(string slug) => "runtime:" + slug;

    public static WebApplicationBuilder AddLeaderboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidator<LeaderboardParameters>, LeaderboardParametersValidator>();
        var lifetime = CacheLifetime.Of(builder.Configuration);
        builder.Services.AddOutputCache(options =>
        {
            options.AddPolicy(CachePolicy, policy => policy
                .ExpireAfter(lifetime)
                .SetVaryByQuery(QueryNames)
                .Tag(CacheTag, EverythingTag));
            options.AddPolicy(CountsCachePolicy, policy => policy
                .ExpireAfter(lifetime)
                .SetVaryByQuery(QueryNames)
                .Tag(CacheTag, SubmissionQueriesApi.CacheTag, EverythingTag));
        });
        builder.Services.AddSingleton<RuntimeDirectory>();
        builder.Services.AddScoped<CellMaintenance>();
        return builder;
    }

    /// <summary>
    /// A group of endpoints read from the maintained cells: served from the output cache under <paramref name="policy"/>
    /// (evicted when a cell changes) and cacheable by clients for as long as figures last.
    /// </summary>
    public static RouteGroupBuilder MapAggregateGroup(this IEndpointRouteBuilder routes, string prefix, string tag, string tagDescription, string policy = CachePolicy) =>
        routes.MapGroup(prefix).WithDescribedTag(tag, tagDescription).CacheOutput(policy).WithHttpCaching(HttpCachePolicy.Aggregates);

    public const string TagDescription = "Runtimes ranked by their ratio to native, with confidence intervals, overall or on one CPU, and the CPU keys behind them.";

    public static RouteGroupBuilder MapLeaderboard(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapAggregateGroup("/api/v1/leaderboard", "Leaderboard", TagDescription);
        group.MapGet("/", Get)
            .WithName("GetLeaderboard")
            .WithSummary("Runtimes ranked against native")
            .WithDescription(
                "Runtime versions ranked by a metric relative to native: each machine votes once per CPU key, each CPU key weighs the same, and " +
                "each architecture has its own rows (one per size, runtime, version and architecture), ranked among themselves. " +
                "Filters narrow the CPU keys (cpu, architecture, virtualisation) and the rows (runtime, version); category and workload choose a narrower figure.")
            .WithValidation<LeaderboardParameters>();
        return group;
    }

    public static async Task<Results<Ok<LeaderboardResponse>, ValidationProblem, NotFoundProblem>> Get(
        [AsParameters] LeaderboardParameters query,
        NearNativeDbContext db,
        SuiteCatalog suites,
        CancellationToken cancellationToken)
    {
        if (suites.Find(query.SuiteOrNewest(suites)) is not { } manifest)
        {
            return SuiteProblems.Unknown(query.Suite);
        }

        // The validator has refused every combination that does not choose one.
        var chosen = LeaderboardSelection.Choose(query.Metric, query.Category, query.Workload, manifest).Metric!;
        var filter = query.Filter(manifest.Suite);
        var rows = await LeaderboardQuery.RowsAsync(db, filter, chosen, cancellationToken);
        var baselines = chosen == LeaderboardMetric.InstanceStart
            ? await NativeBaselines.QueryAsync(db, filter, cancellationToken)
            : null;
        return TypedResults.Ok(new LeaderboardResponse(
            manifest.Suite,
            query.Size,
            [.. rows.Ranked.Select(r => ToResponse(r, chosen))],
            chosen.ShownId,
            chosen.Direction,
            chosen.Description,
            query.Cpu,
            chosen.Unit,
            [.. rows.NoisyOnly.Select(r => new NoisyOnlyRowResponse(r.Slug, r.Name, r.Version, r.Configuration, r.Size, r.Architecture, r.NoisySubmissions, r.Machines))],
            baselines,
            chosen.Category,
            chosen.Workload,
            query.Architecture,
            query.Virtualisation,
            query.Runtime,
            query.Version));
    }

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
            row.Architecture,
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
