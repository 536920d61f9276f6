using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;

namespace NearNative.Api.Leaderboard;

/// <summary>
/// The runtime slugs that have leaderboard cells, per suite, kept in memory for a short time so that a badge for a
/// runtime nobody has measured is answered without touching the database however often it is asked. This instance's
/// own writes refresh it at once; another instance's show within <c>Leaderboard:CacheSeconds</c>, as cached answers do.
/// </summary>
public sealed class RuntimeDirectory(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration) : IDisposable
{
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(configuration.GetValue("Leaderboard:CacheSeconds", 30));
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Snapshot? _snapshot;
    private long _generation;

    public async Task<bool> KnowsAsync(string suite, string slug, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null || clock.GetUtcNow() >= snapshot.Expires)
        {
            snapshot = await RefreshAsync(cancellationToken);
        }

        return snapshot.Runtimes.Contains((suite, slug));
    }

    /// <summary>Forgets the list; a refresh that began before this call does not keep what it read.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _snapshot = null;
    }

    public void Dispose() => _refresh.Dispose();

    private async Task<Snapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Another request may have refreshed it while this one waited.
            if (_snapshot is { } current && clock.GetUtcNow() < current.Expires)
            {
                return current;
            }

            var generation = Interlocked.Read(ref _generation);
            var expires = clock.GetUtcNow() + _lifetime;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NearNativeDbContext>();
            var runtimes = await db.LeaderboardCells.AsNoTracking()
                .Where(c => c.RuntimeSlug != CellComputation.NativeSlug)
                .Select(c => new { c.Suite, c.RuntimeSlug })
                .Distinct()
                .ToListAsync(cancellationToken);
            var snapshot = new Snapshot(runtimes.Select(r => (r.Suite, r.RuntimeSlug)).ToFrozenSet(), expires);
            if (Interlocked.Read(ref _generation) == generation)
            {
                _snapshot = snapshot;
            }

            return snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private sealed record Snapshot(FrozenSet<(string Suite, string Slug)> Runtimes, DateTimeOffset Expires);
}
