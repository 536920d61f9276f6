using Microsoft.AspNetCore.OutputCaching;

namespace NearNative.Api.Leaderboard;

/// <summary>Tags a cached answer with the runtime named by its route, so a change to that runtime's cells evicts it and nothing else.</summary>
public sealed class RuntimeTagPolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.HttpContext.Request.RouteValues["runtime"] is string slug)
        {
            context.Tags.Add(LeaderboardApi.RuntimeTag(slug));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
