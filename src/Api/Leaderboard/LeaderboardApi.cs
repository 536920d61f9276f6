using Microsoft.AspNetCore.Http.HttpResults;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Api.Suites;
using NearNative.Domain.Suite;

namespace NearNative.Api.Leaderboard;

/// <summary>The ranking of runtimes by slowdown versus native, normalized per CPU key.</summary>
public static class LeaderboardApi
{
    /// <summary>Output-cache tag of everything computed from submissions; evicted when one is stored.</summary>
    public const string CacheTag = "leaderboard";

    public const string CachePolicy = "leaderboard";

    public static WebApplicationBuilder AddLeaderboard(this WebApplicationBuilder builder)
    {
        var seconds = builder.Configuration.GetValue("Leaderboard:CacheSeconds", 30);
        builder.Services.AddOutputCache(options => options.AddPolicy(CachePolicy, policy => policy
            .Expire(TimeSpan.FromSeconds(seconds))
            .SetVaryByQuery("suite", "size")
            .Tag(CacheTag)));
        return builder;
    }

    public static RouteGroupBuilder MapLeaderboard(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/leaderboard").WithTags("Leaderboard").CacheOutput(CachePolicy);
        group.MapGet("/", Get).WithName("GetLeaderboard");
        return group;
    }

    /// <param name="suite">Suite id; default the newest suite the server knows.</param>
    /// <param name="size"><c>quick</c> or <c>full</c>; default both, full rows first.</param>
    public static async Task<Results<Ok<LeaderboardResponse>, ValidationProblem, NotFoundProblem>> Get(
        NearNativeDbContext db,
        SuiteCatalog suites,
        CancellationToken cancellationToken,
        string? suite = null,
        string? size = null)
    {
        if (size is not null && !SuiteManifest.IsKnownSize(size))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["size"] = [$"Must be '{SuiteManifest.QuickSize}' or '{SuiteManifest.FullSize}'."],
            });
        }

        var suiteId = suite ?? suites.Newest;
        if (suites.Find(suiteId) is null)
        {
            return new NotFoundProblem(suite is null ? "This server knows no suite." : $"Unknown suite '{suite}'.");
        }

        var rows = await LeaderboardQuery.RowsAsync(db, suiteId!, size, cancellationToken);
        return TypedResults.Ok(new LeaderboardResponse(suiteId!, size, [.. rows.Select(ToResponse)]));
    }

    private static LeaderboardRowResponse ToResponse(LeaderboardRow row)
    {
        var ratio = row.Ranking.Ratio;
        return new LeaderboardRowResponse(
            row.Rank,
            row.Slug,
            row.Name,
            row.Version,
            row.Configuration,
            row.Size,
            ratio.Value,
            Slowdown.FormatVersusNative(ratio.Value),
            Slowdown.SpeedPercent(ratio.Value),
            ratio.Lower,
            ratio.Upper,
            row.Ranking.Machines,
            row.Ranking.Submissions,
            row.Ranking.Cells.Count,
            row.Ranking.Provisional,
            [.. row.Ranking.Cells.Select(c => new LeaderboardCellResponse(
                c.CpuKey, c.Ratio.Value, c.Ratio.Lower, c.Ratio.Upper, c.Machines, c.Submissions, c.Provisional))]);
    }
}
