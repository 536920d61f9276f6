using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.OutputCaching;

namespace NearNative.Api.Infrastructure.Telemetry;

/// <summary>
/// <c>nearnative.output_cache.lookups</c>, by <c>result</c> (<c>hit</c>, <c>miss</c>) and <c>route</c>: a base
/// policy of the output cache that changes nothing and only watches, on every cached endpoint alike.
/// </summary>
public sealed class OutputCacheMetrics(IMeterFactory meters) : IOutputCachePolicy
{
    private readonly Counter<long> _lookups = ApiMeter.Counter(
        meters,
        "nearnative.output_cache.lookups",
        "{lookup}",
        "Output-cache lookups of cacheable responses, by result and route.");

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        Count(context, "hit");
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.AllowCacheLookup)
        {
            Count(context, "miss");
        }

        return ValueTask.CompletedTask;
    }

    private void Count(OutputCacheContext context, string result)
    {
        var route = (context.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
        _lookups.Add(1, new("result", result), new("route", route));
    }
}
