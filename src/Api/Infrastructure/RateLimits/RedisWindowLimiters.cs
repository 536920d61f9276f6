using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace NearNative.Api.Infrastructure.RateLimits;

/// <summary>Fixed windows counted in Redis, one counter per partition under the configured key prefix.</summary>
public sealed class RedisWindowLimiters(IConnectionMultiplexer redis, IOptions<RedisSettings> settings, TimeProvider clock) : IWindowLimiters
{
    public RateLimiter Create(string partition, WindowRule rule) =>
        new RedisFixedWindowLimiter(redis.GetDatabase(), settings.Value.KeyPrefix + "ratelimit:" + partition, rule, clock);
}
