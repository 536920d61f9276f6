using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Api.Leaderboard;
using NearNative.Api.Submissions;
using NearNative.Api.Suites;
using NearNative.Domain.Cpu;
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
        var group = routes.MapAggregateGroup("/api/v1/runtimes", "Runtimes", "Each runtime and its versions over time, with every leaderboard figure per architecture.", LeaderboardApi.CountsCachePolicy);
        group.MapGet("/", List)
            .WithName("ListRuntimes")
            .WithSummary("Runtimes with results")
            .WithDescription("Every runtime slug with accepted submissions of the suite: its newest version, how many versions, machines and submissions, and when it was first and last submitted.")
            .WithValidation<RuntimeParameters>();
        group.MapGet("/{id}", Get)
            .WithName("GetRuntime")
            .WithSummary("One runtime's versions over time")
            .WithDescription(
                "Each version of the runtime (per size and architecture), oldest first, with when it was first and last submitted and every leaderboard " +
                "figure it has, read from the same maintained cells as the leaderboard (noisy submissions left out, one machine one vote, CPU keys " +
                "weighted equally, architectures never pooled).")
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

        // Counts and dates per CPU key from the stored submissions, summed per architecture below.
        var perKey = await Results(db, filter)
            .GroupBy(x => new { x.Runtime.Version, x.Submission.Size, x.Submission.CpuKey })
            .Select(g => new
            {
                g.Key.Version,
                g.Key.Size,
                g.Key.CpuKey,
                First = g.Min(x => x.Submission.ReceivedAt),
                Last = g.Max(x => x.Submission.ReceivedAt),
                Machines = g.Select(x => x.Submission.MachineId).Distinct().Count(),
                Submissions = g.Count(),
                Noisy = g.Count(x => x.Submission.Noisy),
            })
            .ToListAsync(cancellationToken);
        if (perKey.Count == 0)
        {
            return new NotFoundProblem($"No accepted submission of suite {manifest.Suite} measured runtime '{id}'.");
        }

        var figures = await FiguresAsync(db, filter, LeaderboardMetric.For(manifest), cancellationToken);
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
                .. perKey
                    .GroupBy(v => (v.Version, v.Size, Architecture: CpuKey.ArchitectureOf(v.CpuKey)))
                    .Select(g => new RuntimeVersionResponse(
                        g.Key.Version,
                        g.Key.Size,
                        g.Key.Architecture,
                        g.Min(v => v.First),
                        g.Max(v => v.Last),
                        g.Sum(v => v.Machines),
                        g.Sum(v => v.Submissions),
                        g.Sum(v => v.Noisy),
                        figures.GetValueOrDefault((g.Key.Size, g.Key.Version, g.Key.Architecture)) ?? []))
                    .OrderBy(v => v.FirstReceivedAt)
                    .ThenBy(v => (v.Size, v.Architecture), LeaderboardQuery.Placement),
            ]));
    }

    /// <summary>
    /// The figure of each of <paramref name="metrics"/> for every row the filter's cells make, read in one query and
    /// combined as the leaderboard combines them, keyed by (size, version, architecture) and then by metric id.
    /// </summary>
    public static async Task<Dictionary<(string Size, string Version, string Architecture), Dictionary<string, RuntimeFigureResponse>>> FiguresAsync(
        NearNativeDbContext db,
        LeaderboardFilter filter,
        IReadOnlyList<LeaderboardMetric> metrics,
        CancellationToken cancellationToken)
    {
        var metricIds = metrics.Select(m => m.Id).ToList();
        var cells = (await filter.Apply(db.LeaderboardCells.AsNoTracking())
                .Where(c => metricIds.Contains(c.Metric))
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.Metric, StringComparer.Ordinal);
        var figures = new Dictionary<(string Size, string Version, string Architecture), Dictionary<string, RuntimeFigureResponse>>();
        foreach (var metric in metrics)
        {
            foreach (var row in LeaderboardQuery.Rows(cells[metric.Id], metric).Ranked)
            {
                var figure = row.Ranking.Figure;
                var at = (row.Size, row.Version, row.Architecture);
                var byMetric = figures.TryGetValue(at, out var found) ? found : figures[at] = [];
                byMetric[metric.Id] = new RuntimeFigureResponse(
                    figure.Value, metric.Format(figure.Value), metric.Unit, metric.Direction, figure.Lower, figure.Upper, figure.Confidence,
                    row.Ranking.Machines, row.Ranking.Submissions, row.Ranking.Cells.Count, row.Ranking.Provisional);
            }
        }

        return figures;
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
