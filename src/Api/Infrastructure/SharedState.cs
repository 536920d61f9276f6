using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using NearNative.Api.Health;
using NearNative.Api.Infrastructure.RateLimits;
using StackExchange.Redis;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// What several instances must agree on: the output cache and the rate-limit windows. With
/// <c>ConnectionStrings:Redis</c> set both live in that Redis (keys under <c>Redis:KeyPrefix</c>) and readiness
/// includes it; without it both stay in this process, which is right for a single instance.
/// </summary>
public static class SharedState
{
    public static WebApplicationBuilder AddSharedState(this WebApplicationBuilder builder)
    {
        var redis = builder.Configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            builder.Services.AddSingleton<IWindowLimiters, InProcessWindowLimiters>();
            return builder;
        }

        builder.Services.AddOptions<RedisSettings>().BindConfiguration("Redis");
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            // Start even while Redis is down; requests that need it fail until it is back, and readiness says so.
            var options = ConfigurationOptions.Parse(redis);
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
        builder.Services.AddSingleton<IWindowLimiters, RedisWindowLimiters>();

        // Registered after or before AddOutputCache alike: this replaces the in-memory store.
        builder.Services.AddStackExchangeRedisOutputCache(_ => { });
        builder.Services.AddOptions<RedisOutputCacheOptions>()
            .Configure<IServiceProvider, IOptions<RedisSettings>>((options, services, settings) =>
            {
                options.InstanceName = settings.Value.KeyPrefix + "cache:";
                options.ConnectionMultiplexerFactory = () => Task.FromResult(services.GetRequiredService<IConnectionMultiplexer>());
            });
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [HealthApi.ReadyTag]);
        return builder;
    }
}
