using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NearNative.Api.Health;

/// <summary><c>GET /health</c>: 200 when every check passes, else 503; the body says which check failed, never why in detail.</summary>
public static class HealthApi
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static RouteHandlerBuilder MapHealth(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/health", Get)
            .WithTags("Health")
            .WithName("GetHealth")
            .Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);

    public static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Get(
        HealthCheckService health,
        CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var response = new HealthResponse(
            report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()));
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(response)
            : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, string> Checks);
