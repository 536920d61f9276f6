using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using NearNative.Api.Infrastructure.RateLimits;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// Writes are limited twice: per client address before anything is verified (the <see cref="WritePolicy"/>
/// endpoints, a fixed window of <c>RateLimiting:PermitLimit</c> per <c>RateLimiting:WindowSeconds</c>), and per
/// signing key once a signature has verified (<see cref="KeyQuota"/>). Reads are served from the output cache instead.
/// </summary>
public static class RateLimiting
{
    public const string WritePolicy = "writes";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitSettings>().BindConfiguration("RateLimiting");
        builder.Services.AddSingleton<KeyQuota>();
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(WritePolicy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;
                var limiters = context.RequestServices.GetRequiredService<IWindowLimiters>();
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.Get(address, a => limiters.Create("address:" + a, settings.AddressRule));
            });
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                IResult problem = new TooManyRequestsProblem("Too many requests from this address; try again later.", retryAfter);
                return new ValueTask(problem.ExecuteAsync(context.HttpContext));
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
    /// <summary>Writes per client address and window, counted before any signature is checked.</summary>
    public int PermitLimit { get; set; } = 60;

    public int WindowSeconds { get; set; } = 60;

    /// <summary>Writes per signing key and window, counted once the signature has verified.</summary>
    public int KeyPermitLimit { get; set; } = 60;

    public int KeyWindowSeconds { get; set; } = 3600;

    public WindowRule AddressRule => new(PermitLimit, TimeSpan.FromSeconds(WindowSeconds));

    public WindowRule KeyRule => new(KeyPermitLimit, TimeSpan.FromSeconds(KeyWindowSeconds));
}
