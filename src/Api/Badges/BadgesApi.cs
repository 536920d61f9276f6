using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Api.Leaderboard;
using NearNative.Api.Suites;
using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Api.Badges;

/// <summary>README badges for a runtime's headline slowdown (or another leaderboard metric) on the newest suite; noisy submissions never count.</summary>
public static class BadgesApi
{
    private const int MaxLabelLength = 40;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapBadges(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/badges").WithDescribedTag(
            "Badges", "README badges of a runtime's ratio to native, as SVG or as a shields.io endpoint.")
            .CacheOutput(LeaderboardApi.RuntimeCachePolicy);
        group.MapGet("/{runtime}.svg", Svg).WithName("GetSvgBadge").WithSummary("A runtime's badge as SVG");
        group.MapGet("/{runtime}.json", Json).WithName("GetJsonBadge").WithSummary("A runtime's badge for shields.io's endpoint");
        return group;
    }

    /// <param name="runtime">Runtime slug, e.g. <c>wasmtime</c>; an unknown one gets a grey "no data" badge with status 404.</param>
    /// <param name="metric">A leaderboard metric (see <c>GET /api/v1/leaderboard</c>), default <c>execution</c>; an unknown one gets a grey "unknown metric" badge with status 400.</param>
    public static async Task<SvgBadgeResult> Svg(
        string runtime,
        NearNativeDbContext db,
        SuiteCatalog suites,
        RuntimeDirectory runtimes,
        CancellationToken cancellationToken,
        string? metric = null)
    {
        var lookup = await FindAsync(runtime, metric, db, suites, runtimes, cancellationToken);
        return lookup switch
        {
            { Badge: { } badge } => new SvgBadgeResult(BadgeSvg.Render(badge.Label, badge.Message, badge.Color)),
            { UnknownMetric: true } => new SvgBadgeResult(BadgeSvg.Render(Shorten(runtime), "unknown metric", BadgeColor.NoData), StatusCodes.Status400BadRequest),
            _ => new SvgBadgeResult(BadgeSvg.Render(Shorten(runtime), "no data", BadgeColor.NoData), StatusCodes.Status404NotFound),
        };
    }

    /// <param name="runtime">Runtime slug, e.g. <c>wasmtime</c>.</param>
    /// <param name="metric">A leaderboard metric (see <c>GET /api/v1/leaderboard</c>), default <c>execution</c>.</param>
    public static async Task<Results<JsonBadgeResult, ValidationProblem, NotFoundProblem>> Json(
        string runtime,
        NearNativeDbContext db,
        SuiteCatalog suites,
        RuntimeDirectory runtimes,
        CancellationToken cancellationToken,
        string? metric = null)
    {
        var lookup = await FindAsync(runtime, metric, db, suites, runtimes, cancellationToken);
        return lookup switch
        {
            { Badge: { } badge } => new JsonBadgeResult(JsonSerializer.Serialize(badge, JsonOptions)),
            { UnknownMetric: true, Suite: { } suite } => TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["metric"] = LeaderboardMetric.Invalid(suite) }),
            _ => new NotFoundProblem($"No leaderboard row for runtime '{Shorten(runtime)}'."),
        };
    }

    /// <summary>The runtime's row, read from its cells only: full size over quick, then the version with most machines, then the newest.</summary>
    private static async Task<BadgeLookup> FindAsync(
        string slug,
        string? metricId,
        NearNativeDbContext db,
        SuiteCatalog suites,
        RuntimeDirectory runtimes,
        CancellationToken cancellationToken)
    {
        if (suites.Find(suites.Newest) is not { } suite)
        {
            return new BadgeLookup(null, null, UnknownMetric: false);
        }

        if (LeaderboardMetric.Find(metricId, suite) is not { } metric)
        {
            return new BadgeLookup(null, suite, UnknownMetric: true);
        }

        // A runtime nobody has measured is answered from memory: asking for made-up names costs no query.
        if (!await runtimes.KnowsAsync(suite.Suite, slug, cancellationToken))
        {
            return new BadgeLookup(null, suite, UnknownMetric: false);
        }

        var rows = await LeaderboardQuery.RowsAsync(db, suite.Suite, size: null, metric, cpu: null, cancellationToken, runtime: slug);
        var row = rows.Ranked
            .OrderBy(r => r.Size == SuiteManifest.FullSize ? 0 : 1)
            .ThenByDescending(r => r.Ranking.Machines)
            .ThenByDescending(r => r.Newest)
            .FirstOrDefault();
        if (row is null)
        {
            return new BadgeLookup(null, suite, UnknownMetric: false);
        }

        var name = row.Configuration == RuntimeInfo.DefaultConfiguration ? row.Name : $"{row.Name} {row.Configuration}";
        var label = metric.BadgeLabel is null ? name : $"{name} {metric.BadgeLabel}";
        var value = row.Ranking.Figure.Value;
        var badge = new ShieldsEndpointBadge(1, Shorten(label), metric.BadgeMessage(value), BadgeColor.For(metric, value));
        return new BadgeLookup(badge, suite, UnknownMetric: false);
    }

    private sealed record BadgeLookup(ShieldsEndpointBadge? Badge, SuiteManifest? Suite, bool UnknownMetric);

    private static string Shorten(string text) => text.Length <= MaxLabelLength ? text : text[..MaxLabelLength] + "…";
}
