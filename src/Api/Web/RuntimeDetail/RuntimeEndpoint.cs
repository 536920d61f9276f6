using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using NearNative.Api.Data;
using NearNative.Api.Leaderboard;
using NearNative.Api.Runtimes;
using NearNative.Api.Suites;

namespace NearNative.Api.Web.RuntimeDetail;

/// <summary>One runtime: its figures per category and workload, start-up, memory and I/O, and how they moved across versions.</summary>
public static class RuntimeEndpoint
{
    /// <param name="id">The runtime's slug.</param>
    public static async Task<RazorComponentResult> Get(
        string id,
        [AsParameters] RuntimeParameters query,
        IValidator<RuntimeParameters> validator,
        NearNativeDbContext db,
        SuiteCatalog suites,
        CancellationToken cancellationToken)
    {
        query = query with
        {
            Suite = Page.Blank(query.Suite),
            Size = Page.Blank(query.Size),
            Architecture = Page.Blank(query.Architecture),
            Virtualisation = Page.Blank(query.Virtualisation),
        };
        if (await Page.ValidateAsync(validator, query, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var answer = await RuntimesApi.Get(id, query, db, suites, cancellationToken);
        if (answer.Result is not Ok<RuntimeDetailResponse> { Value: { } runtime })
        {
            return Page.For(answer.Result);
        }

        // The handler has found the suite, so the manifest is there.
        var manifest = suites.Find(runtime.Suite)!;
        var workloads = manifest.Workloads
            .Where(w => !w.IsStartup)
            .Select(w => LeaderboardMetric.ForWorkload(w.Id, LeaderboardMetric.Execution))
            .ToList();
        var filter = new LeaderboardFilter(manifest.Suite, query.Size, Architecture: query.Architecture, Virtualisation: query.Virtualisation, Runtime: id);
        var perWorkload = await RuntimesApi.FiguresAsync(db, filter, workloads, cancellationToken);
        var groups = runtime.Versions
            .GroupBy(v => (v.Size, v.Architecture))
            .OrderBy(g => g.Key, LeaderboardQuery.Placement)
            .Select(g =>
            {
                var versions = g.ToList();
                var newest = versions.MaxBy(v => v.LastReceivedAt)!;
                return new RuntimeGroup(
                    g.Key.Size,
                    g.Key.Architecture,
                    versions,
                    newest,
                    perWorkload.GetValueOrDefault((newest.Size, newest.Version, newest.Architecture)) ?? []);
            })
            .ToList();
        return Page.Render<RuntimePage>(new RuntimeModel(runtime, groups, [.. workloads.Select(w => (w.Id, w.Workload!))]));
    }
}
