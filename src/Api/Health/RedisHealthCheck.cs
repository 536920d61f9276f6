using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace NearNative.Api.Health;

/// <summary>Healthy when the shared Redis answers a ping; registered only when one is configured.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (RedisException e)
        {
            return HealthCheckResult.Unhealthy("Redis did not answer.", e);
        }
    }
}
