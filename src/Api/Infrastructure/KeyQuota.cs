using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using NearNative.Api.Infrastructure.RateLimits;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// The per-key quota: at most <c>RateLimiting:KeyPermitLimit</c> writes signed by one key per
/// <c>RateLimiting:KeyWindowSeconds</c>, whatever address they come from. Asked only after the signature verifies,
/// so nobody can spend another contributor's quota.
/// </summary>
public sealed class KeyQuota : IAsyncDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly WindowRule _rule;

    public KeyQuota(IWindowLimiters limiters, IOptions<RateLimitSettings> settings)
    {
        _rule = settings.Value.KeyRule;
        _limiter = PartitionedRateLimiter.Create<string, string>(keyId =>
            RateLimitPartition.Get(keyId, k => limiters.Create("key:" + k, _rule)));
    }

    /// <summary>Takes one write from the key's quota: null when granted, else the 429 to answer.</summary>
    public async ValueTask<TooManyRequestsProblem?> TakeAsync(string keyId, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(keyId, 1, cancellationToken);
        if (lease.IsAcquired)
        {
            return null;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : _rule.Window;
        return new TooManyRequestsProblem(
            $"Key '{keyId}' has used its {_rule.PermitLimit} writes for this {_rule.Window.TotalMinutes:0.#}-minute window; " +
            "submit again after the time in Retry-After.",
            retryAfter);
    }

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();
}
