using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace NearNative.Api.Infrastructure.RateLimits;

/// <summary>
/// A fixed window shared by every instance: the first permit of a window creates the counter with the window as its
/// lifetime, so all instances see one count and one window end, and a refusal's Retry-After is the counter's remaining
/// life. The increment and the expiry are one script, so a counter can never outlive its window.
/// </summary>
public sealed class RedisFixedWindowLimiter(IDatabase database, RedisKey key, WindowRule rule, TimeProvider clock) : RateLimiter
{
    // KEYS[1]: the counter; ARGV[1]: permits asked; ARGV[2]: the window in milliseconds. Answers the count and the
    // milliseconds left in the window.
    private const string CountScript = """
        local count = redis.call('INCRBY', KEYS[1], ARGV[1])
        local left = redis.call('PTTL', KEYS[1])
        if left < 0 then
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            left = tonumber(ARGV[2])
        end
        return { count, left }
        """;

    private static readonly WindowLease Acquired = new(true, null);
    private static readonly WindowLease NotWithoutWaiting = new(false, null);

    private long _lastUsed = clock.GetTimestamp();

    /// <summary>How long since the last request, so the partitioned limiter can drop partitions nobody uses.</summary>
    public override TimeSpan? IdleDuration => clock.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    // Counting takes a round trip, so the synchronous attempt only says "not without waiting"; the rate-limiting
    // middleware and PartitionedRateLimiter.AcquireAsync then call AcquireAsyncCore.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => permitCount == 0 ? Acquired : NotWithoutWaiting;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, clock.GetTimestamp());
        if (permitCount == 0)
        {
            return Acquired;
        }

        var windowMs = (long)rule.Window.TotalMilliseconds;
        var answer = (RedisResult[])(await database.ScriptEvaluateAsync(CountScript, [key], [permitCount, windowMs]))!;
        var count = (long)answer[0];
        var left = TimeSpan.FromMilliseconds((long)answer[1]);
        return count <= rule.PermitLimit ? Acquired : new WindowLease(false, left);
    }

    private sealed class WindowLease(bool isAcquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } after && metadataName == MetadataName.RetryAfter.Name ? after : null;
            return metadata is not null;
        }
    }
}
