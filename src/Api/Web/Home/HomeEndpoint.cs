using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using NearNative.Api.Cpus;
using NearNative.Api.Data;
using NearNative.Api.Leaderboard;
using NearNative.Api.Suites;

namespace NearNative.Api.Web.Home;

/// <summary>The home page: the leaderboard's ranking with its filters, read through the REST handler.</summary>
public static class HomeEndpoint
{
    public static async Task<RazorComponentResult> Get(
        [AsParameters] LeaderboardParameters query,
        IValidator<LeaderboardParameters> validator,
        NearNativeDbContext db,
        SuiteCatalog suites,
        CancellationToken cancellationToken)
    {
        query = query with
        {
            Suite = Page.Blank(query.Suite),
            Size = Page.Blank(query.Size),
            Metric = Page.Blank(query.Metric),
            Cpu = Page.Blank(query.Cpu),
            Category = Page.Blank(query.Category),
            Workload = Page.Blank(query.Workload),
            Architecture = Page.Blank(query.Architecture),
            Virtualisation = Page.Blank(query.Virtualisation),
            Runtime = Page.Blank(query.Runtime),
            Version = Page.Blank(query.Version),
        };
        if (suites.Find(query.SuiteOrNewest(suites)) is not { } manifest)
        {
            return Page.For(SuiteProblems.Unknown(query.Suite));
        }

        var cpus = await CpusApi.Get(new CpuParameters { Suite = manifest.Suite }, db, suites, cancellationToken);
        var filters = new HomeFilters(
            query,
            [.. LeaderboardMetric.Fixed],
            [.. LeaderboardMetric.For(manifest).Where(m => m.Category is not null).Select(m => m.Category!)],
            cpus.Result is Ok<CpusResponse> { Value: { } known } ? known.Cpus : []);

        var validation = await validator.ValidateAsync(query, cancellationToken);
        if (!validation.IsValid)
        {
            var errors = validation.Errors.Select(e => e.ErrorMessage).Distinct().ToList();
            return Page.Render<HomePage>(new HomeModel(filters, null, errors), StatusCodes.Status400BadRequest);
        }

        var answer = await LeaderboardApi.Get(query, db, suites, cancellationToken);
        return answer.Result is Ok<LeaderboardResponse> { Value: { } board }
            ? Page.Render<HomePage>(new HomeModel(filters, board, []))
            : Page.For(answer.Result);
    }
}
