using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// Writes are limited per remote IP address with a fixed window (<c>RateLimiting:PermitLimit</c> requests
/// per <c>RateLimiting:WindowSeconds</c>); reads are served from the output cache instead.
/// </summary>
public static class RateLimiting
{
    public const string WritePolicy = "writes";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitSettings>().BindConfiguration("RateLimiting");
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(WritePolicy, context =>
            {
                var settings = context.RequestServices
                    .GetRequiredService<IOptions<RateLimitSettings>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = settings.PermitLimit,
                        Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                        QueueLimit = 0,
                    });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Type = "https://tools.ietf.org/html/rfc6585#section-4",
                        Title = "Too Many Requests",
                        Detail = "Too many requests from this address; try again later.",
                    },
                });
            };
        });
        return builder;
    }

    public static RouteHandlerBuilder WithWriteRateLimit(this RouteHandlerBuilder builder) =>
        builder.RequireRateLimiting(WritePolicy).ProducesProblem(StatusCodes.Status429TooManyRequests);
}

/// <summary>Generous defaults: an agent submits once per run, a person registers a key once.</summary>
public sealed class RateLimitSettings
{
    public int PermitLimit { get; set; } = 60;

    public int WindowSeconds { get; set; } = 60;
}
