using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Api.Leaderboard;
using NearNative.Api.Submissions;
using NearNative.Api.Suites;
using NearNative.Domain.Suite;

namespace NearNative.Api.Runtimes;

/// <summary>The runtimes with results, and one runtime's versions over time with the figures each reached.</summary>
public static class RuntimesApi
{
    public static WebApplicationBuilder AddRuntimes(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidator<RuntimeParameters>, RuntimeParametersValidator>();
        return builder;
    }

    public static RouteGroupBuilder MapRuntimes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapAggregateGroup("/api/v1/runtimes", "Runtimes");
        group.MapGet("/", List)
            .WithName("ListRuntimes")
            .WithSummary("Runtimes with results")
            .WithDescription("Every runtime slug with accepted submissions of the suite: its newest version, how many versions, machines and submissions, and when it was first and last submitted.")
            .WithValidation<RuntimeParameters>();
        group.MapGet("/{id}", Get)
            .WithName("GetRuntime")
            .WithSummary("One runtime's versions over time")
            .WithDescription(
                "Each version of the runtime (per size), oldest first, with when it was first and last submitted and every leaderboard figure it has, " +
                "computed exactly as the leaderboard does (noisy submissions left out, one machine one vote, CPU keys weighted equally).")
            .WithValidation<RuntimeParameters>();
        return group;
    }

    public static async Task<Results<Ok<RuntimesResponse>, ValidationProblem, NotFoundProblem>> List(
        [AsParameters] RuntimeParameters query,
        NearNativeDbContext db,
        SuiteCatalog suites,
        CancellationToken cancellationToken)
    {
        if (suites.Find(query.Suite ?? suites.Newest) is not { } manifest)
        {
            return SuiteProblems.Unknown(query.Suite);
        }

        var results = Results(db, Filter(query, manifest));
        var versions = await results
            .GroupBy(x => new { x.Runtime.Slug, x.Runtime.Version, x.Runtime.Name, x.Runtime.Configuration })
            .Select(g => new { g.Key.Slug, g.Key.Version, g.Key.Name, g.Key.Configuration, Submissions = g.Count(), First = g.Min(x => x.Submission.ReceivedAt), Last = g.Max(x => x.Submission.ReceivedAt) })
            .ToListAsync(cancellationToken);
        var machines = await results
            .GroupBy(x => x.Runtime.Slug)
            .Select(g => new { Slug = g.Key, Machines = g.Select(x => x.Submission.MachineId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Slug, x => x.Machines, cancellationToken);

        return TypedResults.Ok(new RuntimesResponse(
            manifest.Suite,
            query.Size,
            [
                .. versions
                    .GroupBy(v => v.Slug, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g =>
                    {
                        var newest = g.MaxBy(v => v.Last)!;
                        return new RuntimeSummaryResponse(
                            g.Key,
                            newest.Name,
                            newest.Configuration,
                            g.Select(v => v.Version).Distinct(StringComparer.Ordinal).Count(),
                            newest.Version,
                            machines[g.Key],
                            g.Sum(v => v.Submissions),
                            g.Min(v => v.First),
                            g.Max(v => v.Last));
                    }),
            ]));
    }

    /// <param name="id">The runtime's slug, e.g. <c>wasmtime</c>.</param>
    public static async Task<Results<Ok<RuntimeDetailResponse>, ValidationProblem, NotFoundProblem>> Get(
        string id,
        [AsParameters] RuntimeParameters query,
        NearNativeDbContext db,
        SuiteCatalog suites,
        CancellationToken cancellationToken)
    {
        if (!TextRules.IsIdentifier(id))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [QueryRules.SlugMessage] });
        }

        if (suites.Find(query.Suite ?? suites.Newest) is not { } manifest)
        {
            return SuiteProblems.Unknown(query.Suite);
        }

        var filter = Filter(query, manifest) with { Runtime = id };
        var versions = await Results(db, filter)
            .GroupBy(x => new { x.Runtime.Version, x.Submission.Size })
            .Select(g => new
            {
                g.Key.Version,
                g.Key.Size,
                First = g.Min(x => x.Submission.ReceivedAt),
                Last = g.Max(x => x.Submission.ReceivedAt),
                Machines = g.Select(x => x.Submission.MachineId).Distinct().Count(),
                Submissions = g.Count(),
                Noisy = g.Count(x => x.Submission.Noisy),
            })
            .ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            return new NotFoundProblem($"No accepted submission of suite {manifest.Suite} measured runtime '{id}'.");
        }

        // Every metric the suite offers, each aggregated as its leaderboard aggregates it, keyed by (size, version).
        var figures = new Dictionary<(string Size, string Version), Dictionary<string, RuntimeFigureResponse>>();
        foreach (var metric in LeaderboardMetric.For(manifest))
        {
            var rows = await LeaderboardQuery.RowsAsync(db, filter, metric, cancellationToken);
            foreach (var row in rows.Ranked)
            {
                var figure = row.Ranking.Figure;
                var byMetric = figures.TryGetValue((row.Size, row.Version), out var found) ? found : figures[(row.Size, row.Version)] = [];
                byMetric[metric.Id] = new RuntimeFigureResponse(
                    figure.Value, metric.Format(figure.Value), metric.Unit, metric.Direction, figure.Lower, figure.Upper, figure.Confidence,
                    row.Ranking.Machines, row.Ranking.Submissions, row.Ranking.Cells.Count, row.Ranking.Provisional);
            }
        }

        var name = await Results(db, filter)
            .OrderByDescending(x => x.Submission.ReceivedAt)
            .Select(x => new { x.Runtime.Name, x.Runtime.Configuration })
            .FirstAsync(cancellationToken);
        return TypedResults.Ok(new RuntimeDetailResponse(
            id,
            name.Name,
            name.Configuration,
            manifest.Suite,
            query.Size,
            [
                .. versions
                    .OrderBy(v => v.First)
                    .ThenBy(v => v.Size == SuiteManifest.FullSize ? 0 : 1)
                    .Select(v => new RuntimeVersionResponse(
                        v.Version, v.Size, v.First, v.Last, v.Machines, v.Submissions, v.Noisy,
                        figures.GetValueOrDefault((v.Size, v.Version)) ?? [])),
            ]));
    }

    private static LeaderboardFilter Filter(RuntimeParameters query, SuiteManifest manifest) =>
        new(manifest.Suite, query.Size, Architecture: query.Architecture, Virtualisation: query.Virtualisation);

    private static IQueryable<RuntimeAndSubmission> Results(NearNativeDbContext db, LeaderboardFilter filter) =>
        filter.Apply(db.RuntimeResults.AsNoTracking())
            .Join(filter.Apply(db.Submissions), r => r.SubmissionId, s => s.Id, (r, s) => new RuntimeAndSubmission { Runtime = r, Submission = s });

    /// <summary>A class with settable members rather than a positional record, so EF can group by its members in SQL.</summary>
    private sealed class RuntimeAndSubmission
    {
        public required RuntimeResult Runtime { get; init; }

        public required Submission Submission { get; init; }
    }
}
