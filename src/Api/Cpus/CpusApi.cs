using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Api.Leaderboard;
using NearNative.Api.Suites;
using NearNative.Domain.Cpu;

namespace NearNative.Api.Cpus;

/// <summary>The CPU keys the leaderboard has results for, so a user can find theirs and ask for its ranking.</summary>
public static class CpusApi
{
    public static WebApplicationBuilder AddCpus(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidator<CpuParameters>, CpuParametersValidator>();
        return builder;
    }

    public static RouteGroupBuilder MapCpus(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapAggregateGroup("/api/v1/cpus", "Leaderboard", LeaderboardApi.TagDescription, LeaderboardApi.CountsCachePolicy);
        group.MapGet("/", Get)
            .WithName("GetCpus")
            .WithSummary("CPU keys with results")
            .WithDescription("The CPU keys with accepted submissions of the suite, most machines first, to find yours and pass it as `cpu`.")
            .WithValidation<CpuParameters>();

        // A key has slashes in it, so it takes the rest of the path.
        group.MapGet("/{**key}", GetOne)
            .WithName("GetCpu")
            .WithSummary("One CPU key: its brands, counts and runtimes")
            .WithDescription(
                "The brand strings reported under the key, its machines and submissions, and every runtime version's execution figure on it, read from the maintained cells. " +
                "Pass the key with its slashes as they are, e.g. `/api/v1/cpus/x86_64/genuineintel/intel-core-i7-9700k/6-158-12/none`.")
            .WithValidation<CpuParameters>();
        return group;
    }

    public static async Task<Results<Ok<CpusResponse>, ValidationProblem, NotFoundProblem>> Get(
        [AsParameters] CpuParameters query,
        NearNativeDbContext db,
        SuiteCatalog suites,
        CancellationToken cancellationToken)
    {
        var suiteId = query.Suite ?? suites.Newest;
        if (suites.Find(suiteId) is null)
        {
            return SuiteProblems.Unknown(query.Suite);
        }

        var cpus = await new LeaderboardFilter(suiteId!, query.Size).Apply(db.Submissions.AsNoTracking())
            .GroupBy(s => s.CpuKey)
            .Select(g => new CpuResponse(g.Key, g.Select(s => s.MachineId).Distinct().Count(), g.Count()))
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new CpusResponse(
            suiteId!,
            query.Size,
            [.. cpus.OrderByDescending(c => c.Machines).ThenByDescending(c => c.Submissions).ThenBy(c => c.CpuKey, StringComparer.Ordinal)]));
    }

    /// <param name="key">The CPU key, slashes included.</param>
    public static async Task<Results<Ok<CpuDetailResponse>, ValidationProblem, NotFoundProblem>> GetOne(
        string key,
        [AsParameters] CpuParameters query,
        NearNativeDbContext db,
        SuiteCatalog suites,
        CancellationToken cancellationToken)
    {
        if (!QueryRules.IsCpuKeyShaped(key))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["key"] = [QueryRules.CpuKeyMessage] });
        }

        var suiteId = query.Suite ?? suites.Newest;
        if (suites.Find(suiteId) is null)
        {
            return SuiteProblems.Unknown(query.Suite);
        }

        var reports = await db.Submissions.AsNoTracking()
            .Where(s => s.Suite == suiteId && s.CpuKey == key && (query.Size == null || s.Size == query.Size))
            .GroupBy(s => new { s.Status, s.MachineId, s.CpuBrand, s.CpuVendor })
            .Select(g => new { g.Key.Status, g.Key.MachineId, g.Key.CpuBrand, g.Key.CpuVendor, Count = g.Count() })
            .ToListAsync(cancellationToken);
        if (reports.Count == 0)
        {
            return new NotFoundProblem($"No submission of suite {suiteId} has CPU key '{key}'.");
        }

        var accepted = reports.Where(r => r.Status == SubmissionStatus.Accepted).ToList();
        var rows = await LeaderboardQuery.RowsAsync(db, new LeaderboardFilter(suiteId!, query.Size, key), LeaderboardMetric.Execution, cancellationToken);
        return TypedResults.Ok(new CpuDetailResponse(
            key,
            CpuKey.ArchitectureOf(key),
            CpuKey.VirtualisationOf(key),
            suiteId!,
            query.Size,
            [
                .. reports
                    .GroupBy(r => (r.CpuBrand, r.CpuVendor))
                    .Select(g => new CpuBrandResponse(g.Key.CpuBrand, g.Key.CpuVendor, g.Select(r => r.MachineId).Distinct(StringComparer.Ordinal).Count()))
                    .OrderByDescending(b => b.Machines)
                    .ThenBy(b => b.Brand, StringComparer.Ordinal),
            ],
            accepted.Select(r => r.MachineId).Distinct(StringComparer.Ordinal).Count(),
            accepted.Sum(r => r.Count),
            reports.Where(r => r.Status == SubmissionStatus.Quarantined).Sum(r => r.Count),
            [
                .. rows.Ranked.Select(r => new CpuRuntimeResponse(
                    r.Rank, r.Slug, r.Name, r.Version, r.Configuration, r.Size,
                    r.Ranking.Figure.Value, LeaderboardMetric.Execution.Format(r.Ranking.Figure.Value),
                    r.Ranking.Figure.Lower, r.Ranking.Figure.Upper, r.Ranking.Figure.Confidence,
                    r.Ranking.Machines, r.Ranking.Submissions, r.Ranking.Provisional)),
            ]));
    }
}
