using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using NearNative.Api.Infrastructure;
using NearNative.Api.Leaderboard;

namespace NearNative.Api.TradeOff;

/// <summary>"At what gap does wasm stop making sense for my service?": the leaderboard's figures put to one service.</summary>
public static class TradeOffApi
{
    public const string CachePolicy = "tradeoff";

    public static WebApplicationBuilder AddTradeOff(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidator<TradeOffParameters>, TradeOffParametersValidator>();
        builder.Services.AddScoped<TradeOffQuery>();
        var lifetime = CacheLifetime.Of(builder.Configuration);

        // Read from the leaderboard's cells, so evicted with them.
        builder.Services.AddOutputCache(options => options.AddPolicy(CachePolicy, policy => policy
            .ExpireAfter(lifetime)
            .SetVaryByQuery(TradeOffParameters.QueryNames)
            .Tag(LeaderboardApi.CacheTag, LeaderboardApi.EverythingTag)));
        return builder;
    }

    public static RouteGroupBuilder MapTradeOff(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapAggregateGroup(
            "/api/v1/tradeoff",
            "Trade-off",
            "When a runtime pays off against native for a described service: its expected slowdown, start-up per request, memory and break-even points.",
            CachePolicy);
        group.MapGet("/", Get)
            .WithName("GetTradeOff")
            .WithSummary("Where a runtime stops paying off for a service")
            .WithDescription(
                "Describe a service (its mix as category weights or a workload it resembles, requests per instance, CPU milliseconds per request, " +
                "its CPU or architecture, and how native starts a process) and get, per runtime version on the leaderboard: the expected slowdown S " +
                "with its interval, start-up spread over the requests of one instance, memory, the extra cost per request against native, and the " +
                "break-even CPU time and requests per instance, for instances in a running host and for a process per instance. " +
                "Per request native costs t + Q/N and the runtime S·t + R/N; the runtime pays off while (S−1)·t < (Q−R)/N. " +
                "S's interval is the weighted geometric mean of the categories' bounds: exact if their errors are fully correlated, " +
                "conservative otherwise; every other range is taken over all combinations of its inputs' bounds. " +
                "Each figure names the leaderboard cells it comes from, with machines and the provisional label.");
        return group;
    }

    public static Task<Results<Ok<TradeOffResponse>, ValidationProblem, NotFoundProblem>> Get(
        [AsParameters] TradeOffParameters query,
        TradeOffQuery tradeOff,
        CancellationToken cancellationToken) =>
        tradeOff.AnswerAsync(query, cancellationToken);
}
