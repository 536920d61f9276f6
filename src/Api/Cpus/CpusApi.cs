using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Api.Leaderboard;
using NearNative.Api.Suites;
using NearNative.Domain.Suite;

namespace NearNative.Api.Cpus;

/// <summary>The CPU keys the leaderboard has results for, so a user can find theirs and ask for its ranking.</summary>
public static class CpusApi
{
    public static RouteGroupBuilder MapCpus(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/cpus").WithTags("Leaderboard").CacheOutput(LeaderboardApi.CachePolicy);
        group.MapGet("/", Get).WithName("GetCpus").WithSummary("The CPU keys that have results");
        return group;
    }

    /// <param name="suite">Suite id; default the newest suite the server knows.</param>
    /// <param name="size"><c>quick</c> or <c>full</c>; default both.</param>
    public static async Task<Results<Ok<CpusResponse>, ValidationProblem, NotFoundProblem>> Get(
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

        var cpus = await db.Submissions.AsNoTracking()
            .Where(s => s.Suite == suiteId && s.Status == SubmissionStatus.Accepted && (size == null || s.Size == size))
            .GroupBy(s => s.CpuKey)
            .Select(g => new CpuResponse(g.Key, g.Select(s => s.MachineId).Distinct().Count(), g.Count()))
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new CpusResponse(
            suiteId!,
            size,
            [.. cpus.OrderByDescending(c => c.Machines).ThenByDescending(c => c.Submissions).ThenBy(c => c.CpuKey, StringComparer.Ordinal)]));
    }
}
