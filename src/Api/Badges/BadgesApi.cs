using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Api.Leaderboard;
using NearNative.Api.Suites;
using NearNative.Domain.Cpu;
using NearNative.Domain.Results;

namespace NearNative.Api.Badges;

/// <summary>
/// README badges for a runtime's headline slowdown (or another leaderboard metric) on the newest suite and one
/// architecture (x86-64 unless asked otherwise); noisy submissions never count. Read from the maintained cells only.
/// </summary>
public static class BadgesApi
{
    public const string CachePolicy = "badges";

    private const int MaxLabelLength = 40;

    /// <summary>A label that names a CPU may be longer: the CPU's name is the point of it.</summary>
    private const int MaxCpuLabelLength = 60;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static WebApplicationBuilder AddBadges(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidator<BadgeParameters>, BadgeParametersValidator>();
        var lifetime = CacheLifetime.Of(builder.Configuration);
        builder.Services.AddOutputCache(options => options.AddPolicy(CachePolicy, policy => policy
            .ExpireAfter(lifetime)
            .SetVaryByQuery(BadgeParameters.QueryNames)
            .Tag(LeaderboardApi.EverythingTag)
            .AddPolicy<RuntimeTagPolicy>()
            .AddPolicy<CacheGreyBadgesPolicy>()));
        return builder;
    }

    public static RouteGroupBuilder MapBadges(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/badges")
            .WithDescribedTag("Badges", "README badges of a runtime's ratio to native, as SVG or as a shields.io endpoint.")
            .CacheOutput(CachePolicy)
            .WithHttpCaching(HttpCachePolicy.Badges);
        group.MapGet("/{runtime}.svg", Svg)
            .WithName("GetSvgBadge")
            .WithSummary("A README badge as SVG")
            .WithDescription(
                "The runtime's leaderboard figure on the newest suite as a flat (or flat-square) badge. An unknown runtime gets a grey " +
                "\"no data\" badge with status 404, an invalid parameter a grey \"invalid <parameter>\" badge with status 400: an image either way.")
            .AddEndpointFilter<SvgBadgeValidationFilter>();
        group.MapGet("/{runtime}.json", Json)
            .WithName("GetJsonBadge")
            .WithSummary("A README badge as shields.io endpoint JSON")
            .WithDescription(
                "The same badge as the SVG in the shields.io endpoint schema, for `https://img.shields.io/endpoint?url=…`. " +
                "An unknown runtime gets a \"no data\" badge with `isError` and status 404; an invalid parameter a 400 validation problem.")
            .WithValidation<BadgeParameters>();
        return group;
    }

    /// <param name="runtime">Runtime slug, e.g. <c>wasmtime</c>; an unknown one gets a grey "no data" badge with status 404.</param>
    public static async Task<SvgBadgeResult> Svg(
        string runtime,
        [AsParameters] BadgeParameters query,
        NearNativeDbContext db,
        SuiteCatalog suites,
        RuntimeDirectory runtimes,
        CancellationToken cancellationToken)
    {
        var badge = await FindAsync(runtime, query, db, suites, runtimes, cancellationToken);
        return new SvgBadgeResult(
            BadgeSvg.Render(badge.Label, badge.Message, badge.Color, query.BadgeStyle),
            badge.IsError is true ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }

    /// <param name="runtime">Runtime slug, e.g. <c>wasmtime</c>.</param>
    public static async Task<Results<JsonBadgeResult, ValidationProblem>> Json(
        string runtime,
        [AsParameters] BadgeParameters query,
        NearNativeDbContext db,
        SuiteCatalog suites,
        RuntimeDirectory runtimes,
        CancellationToken cancellationToken)
    {
        var badge = await FindAsync(runtime, query, db, suites, runtimes, cancellationToken);
        return new JsonBadgeResult(
            JsonSerializer.Serialize(badge with { Style = query.Style is null or BadgeStyles.Flat ? null : query.Style }, JsonOptions),
            badge.IsError is true ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }

    /// <summary>A grey badge for a request that cannot be answered, labelled with what was asked for.</summary>
    public static string InvalidMessage(string parameter) => $"invalid {parameter}";

    public static string Shorten(string text, int max = MaxLabelLength) => text.Length <= max ? text : text[..max] + "…";

    /// <summary>
    /// The runtime's row on one architecture, read from its cells only: full size over quick, then the version with most
    /// machines, then the newest; "no data" without one. The label names the CPU when one was asked for, else the
    /// architecture unless it is x86-64.
    /// </summary>
    private static async Task<ShieldsEndpointBadge> FindAsync(
        string slug,
        BadgeParameters query,
        NearNativeDbContext db,
        SuiteCatalog suites,
        RuntimeDirectory runtimes,
        CancellationToken cancellationToken)
    {
        var noData = new ShieldsEndpointBadge(1, Shorten(slug), "no data", BadgeColor.NoData, IsError: true);

        // A runtime nobody has measured is answered from memory: asking for made-up names costs no query.
        if (suites.Find(suites.Newest) is not { } suite || !await runtimes.KnowsAsync(suite.Suite, slug, cancellationToken))
        {
            return noData;
        }

        // The validator has refused every combination that does not choose one.
        var metric = LeaderboardSelection.Choose(query.Metric, query.Category, workload: null, suite).Metric!;
        var architecture = query.ChosenArchitecture;
        var filter = new LeaderboardFilter(suite.Suite, Cpu: query.Cpu, Architecture: architecture, Runtime: slug);
        var rows = await LeaderboardQuery.RowsAsync(db, filter, metric, cancellationToken);
        var row = rows.Ranked
            .OrderBy(r => LeaderboardQuery.SizeOrder(r.Size))
            .ThenByDescending(r => r.Ranking.Machines)
            .ThenByDescending(r => r.Newest)
            .FirstOrDefault();
        if (row is null)
        {
            return noData;
        }

        var name = row.Configuration == RuntimeInfo.DefaultConfiguration ? row.Name : $"{row.Name} {row.Configuration}";
        var label = metric.BadgeLabel is null ? name : $"{name} {metric.BadgeLabel}";
        label = query.Cpu is not null
            ? Shorten($"{label} on {CpuDisplayName.Of(row.CpuBrand)}", MaxCpuLabelLength)
            : Shorten(architecture == CpuKey.DefaultArchitecture ? label : $"{label} on {architecture}");
        var value = row.Ranking.Figure.Value;
        return new ShieldsEndpointBadge(1, label, metric.BadgeMessage(value), BadgeColor.For(metric, value));
    }
}

/// <summary>
/// The output cache stores only 200 answers by default; a grey "no data" or "invalid" badge is as cheap to keep and
/// as often asked for, so it is stored too rather than recomputed on every request.
/// </summary>
public sealed class CacheGreyBadgesPolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.HttpContext.Response.StatusCode is StatusCodes.Status400BadRequest or StatusCodes.Status404NotFound
            && context.HttpContext.Response.Headers.SetCookie.Count == 0)
        {
            context.AllowCacheStorage = true;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>An invalid query string still gets an image, since READMEs show whatever the URL answers: grey, naming the parameter, status 400.</summary>
public sealed class SvgBadgeValidationFilter(IValidator<BadgeParameters> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var query = context.Arguments.OfType<BadgeParameters>().First();
        var result = await validator.ValidateAsync(query, context.HttpContext.RequestAborted);
        if (result.IsValid)
        {
            return await next(context);
        }

        var runtime = context.HttpContext.GetRouteValue("runtime") as string ?? "";
        var parameter = JsonNamingPolicy.CamelCase.ConvertName(result.Errors[0].PropertyName);
        return new SvgBadgeResult(
            BadgeSvg.Render(BadgesApi.Shorten(runtime), BadgesApi.InvalidMessage(parameter), BadgeColor.NoData, query.BadgeStyle),
            StatusCodes.Status400BadRequest);
    }
}
