using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NearNative.Api.Health;

/// <summary>
/// Probes for an orchestrator: <c>GET /health/live</c> says the process serves requests and touches nothing else, so
/// a database outage never gets healthy instances restarted; <c>GET /health/ready</c> runs the checks tagged
/// <see cref="ReadyTag"/> (the database, and Redis when configured) and answers 503 while any fails, so traffic
/// goes elsewhere. Both say which check failed, never why in detail. Operational, so not in the OpenAPI document.
/// </summary>
public static class HealthApi
{
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);
        return builder;
    }

    public static RouteGroupBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").ExcludeFromDescription();
        group.MapGet("/live", Live).WithName("GetLiveness");
        group.MapGet("/ready", Ready).WithName("GetReadiness");
        return group;
    }

    public static Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Live(
        HealthCheckService health,
        CancellationToken cancellationToken) =>
        Check(health, _ => false, cancellationToken);

    public static Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Ready(
        HealthCheckService health,
        CancellationToken cancellationToken) =>
        Check(health, registration => registration.Tags.Contains(ReadyTag), cancellationToken);

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Check(
        HealthCheckService health,
        Func<HealthCheckRegistration, bool> predicate,
        CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(predicate, cancellationToken);
        var response = new HealthResponse(
            report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()));
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(response)
            : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, string> Checks);
