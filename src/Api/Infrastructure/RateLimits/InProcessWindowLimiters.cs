using System.Threading.RateLimiting;

namespace NearNative.Api.Infrastructure.RateLimits;

/// <summary>The framework's fixed-window limiter: counts only the requests this process sees.</summary>
public sealed class InProcessWindowLimiters : IWindowLimiters
{
    public RateLimiter Create(string partition, WindowRule rule) =>
        new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.PermitLimit,
            Window = rule.Window,
            QueueLimit = 0,
        });
}
