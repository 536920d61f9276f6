using System.Threading.RateLimiting;

namespace NearNative.Api.Infrastructure.RateLimits;

/// <summary>
/// Makes the fixed-window limiter of one partition (an address, a signing key). In process by default; in Redis
/// when <c>ConnectionStrings:Redis</c> is set, so that every instance counts against the same window.
/// </summary>
public interface IWindowLimiters
{
    RateLimiter Create(string partition, WindowRule rule);
}
