using Microsoft.AspNetCore.OutputCaching;
using OpenTelemetry.Metrics;

namespace NearNative.Api.Infrastructure.Telemetry;

/// <summary>
/// Metrics in Prometheus' text format at <c>GET /metrics</c> through OpenTelemetry: ASP.NET Core's request metrics
/// (duration by route and status, rate-limiter decisions), ingest outcomes and output-cache hits. Logs are the console
/// logger's, one JSON object a line by default (<c>Logging:Console:FormatterName</c>).
/// </summary>
public static class Telemetry
{
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddSingleton<OutputCacheMetrics>();
        builder.Services.AddOptions<OutputCacheOptions>().Configure<OutputCacheMetrics>((options, metrics) => options.AddBasePolicy(metrics));
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(ApiMeter.Name)
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    public static IEndpointConventionBuilder MapMetrics(this IEndpointRouteBuilder routes) =>
        routes.MapPrometheusScrapingEndpoint("/metrics");
}
