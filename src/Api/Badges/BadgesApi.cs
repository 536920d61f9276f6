using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Api.Leaderboard;
using NearNative.Api.Suites;
using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Api.Badges;

/// <summary>README badges for a runtime's headline slowdown on the newest suite.</summary>
public static class BadgesApi
{
    private const int MaxLabelLength = 40;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapBadges(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/badges").WithTags("Badges").CacheOutput(LeaderboardApi.CachePolicy);
        group.MapGet("/{runtime}.svg", Svg).WithName("GetSvgBadge");
        group.MapGet("/{runtime}.json", Json).WithName("GetJsonBadge");
        return group;
    }

    /// <param name="runtime">Runtime slug, e.g. <c>wasmtime</c>; an unknown one gets a grey "no data" badge with status 404.</param>
    public static async Task<SvgBadgeResult> Svg(
        string runtime,
        NearNativeDbContext db,
        SuiteCatalog suites,
        CancellationToken cancellationToken)
    {
        var badge = await FindAsync(runtime, db, suites, cancellationToken);
        return badge is null
            ? new SvgBadgeResult(BadgeSvg.Render(Shorten(runtime), "no data", BadgeColor.NoData), StatusCodes.Status404NotFound)
            : new SvgBadgeResult(BadgeSvg.Render(badge.Label, badge.Message, badge.Color));
    }

    /// <param name="runtime">Runtime slug, e.g. <c>wasmtime</c>.</param>
    public static async Task<Results<JsonBadgeResult, NotFoundProblem>> Json(
        string runtime,
        NearNativeDbContext db,
        SuiteCatalog suites,
        CancellationToken cancellationToken) =>
        await FindAsync(runtime, db, suites, cancellationToken) is { } badge
            ? new JsonBadgeResult(JsonSerializer.Serialize(badge, JsonOptions))
            : new NotFoundProblem($"No leaderboard row for runtime '{Shorten(runtime)}'.");

    /// <summary>The runtime's row: full size over quick, then the version with most machines, then the newest.</summary>
    private static async Task<ShieldsEndpointBadge?> FindAsync(
        string slug,
        NearNativeDbContext db,
        SuiteCatalog suites,
        CancellationToken cancellationToken)
    {
        if (suites.Newest is not { } suite)
        {
            return null;
        }

        var rows = await LeaderboardQuery.RowsAsync(db, suite, size: null, cancellationToken);
        var row = rows
            .Where(r => r.Slug == slug)
            .OrderBy(r => r.Size == SuiteManifest.FullSize ? 0 : 1)
            .ThenByDescending(r => r.Ranking.Machines)
            .ThenByDescending(r => r.Newest)
            .FirstOrDefault();
        if (row is null)
        {
            return null;
        }

        var label = row.Configuration == RuntimeInfo.DefaultConfiguration ? row.Name : $"{row.Name} {row.Configuration}";
        var slowdown = row.Ranking.Ratio.Value;
        return new ShieldsEndpointBadge(1, Shorten(label), Slowdown.FormatVersusNative(slowdown), BadgeColor.For(slowdown));
    }

    private static string Shorten(string text) => text.Length <= MaxLabelLength ? text : text[..MaxLabelLength] + "…";
}
