using Microsoft.AspNetCore.OutputCaching;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// How long the public answers that change with the data stay in the output cache: <c>Leaderboard:CacheSeconds</c>,
/// 30 by default. Zero turns the output cache off for them, so every read is computed (for a deployment whose CDN
/// caches instead, or to measure a cache miss); a negative value stops start-up with a message naming the setting.
/// </summary>
public static class CacheLifetime
{
    public const string Setting = "Leaderboard:CacheSeconds";

    public static TimeSpan Of(IConfiguration configuration)
    {
        var seconds = configuration.GetValue(Setting, 30);
        return seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"{Setting} must be 0 (no output cache) or a number of seconds, not {seconds}.");
    }

    /// <summary>Entries expire after <paramref name="lifetime"/>; a zero lifetime stores nothing.</summary>
    public static OutputCachePolicyBuilder ExpireAfter(this OutputCachePolicyBuilder policy, TimeSpan lifetime) =>
        lifetime > TimeSpan.Zero ? policy.Expire(lifetime) : policy.NoCache();
}
