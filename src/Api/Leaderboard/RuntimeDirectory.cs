using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;

namespace NearNative.Api.Leaderboard;

/// <summary>
/// The runtime slugs that have leaderboard cells, per suite, so that a badge for a runtime nobody has measured is
/// answered without touching the database however often it is asked. The list is an entry of the output-cache store
/// (this process's, or the Redis that several instances share) under the leaderboard's tag, so the eviction that
/// follows any change to a cell forgets it on every instance at once; it expires with the cached answers, and is not
/// kept at all when they are not (<see cref="CacheLifetime"/>).
/// </summary>
public sealed class RuntimeDirectory(IServiceScopeFactory scopes, IOutputCacheStore store, IConfiguration configuration) : IDisposable
{
    private const string StoreKey = "nearnative-runtime-directory";

    /// <summary>The list's own cache tag: evicted when a runtime may have appeared, not by every change to a cell.</summary>
    public const string Tag = "runtime-directory";

    private static readonly string[] Tags = [Tag, LeaderboardApi.EverythingTag];

    private readonly TimeSpan _lifetime = CacheLifetime.Of(configuration);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Decoded? _last;
    private string? _listingSql;
    private long _generation;

    public async Task<bool> KnowsAsync(string suite, string slug, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(StoreKey, cancellationToken) ?? await RefreshAsync(cancellationToken);
        return Decode(stored).Contains((suite, slug));
    }

    /// <summary>
    /// Called before this instance evicts the leaderboard's tag: a refresh on this instance that began before the
    /// call does not store what it read. (One on another instance can, as any cached answer can; it expires.)
    /// </summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>
    /// Whether the cached list already names every one of <paramref name="slugs"/>; false when no list is cached. Reads
    /// the cache only, never the database, so a write can ask it.
    /// </summary>
    public async Task<bool> ListsAllAsync(string suite, IEnumerable<string> slugs, CancellationToken cancellationToken) =>
        await store.GetAsync(StoreKey, cancellationToken) is { } stored
        && Decode(stored) is var listed
        && slugs.All(slug => listed.Contains((suite, slug)));

    public void Dispose() => _refresh.Dispose();

    private async Task<byte[]> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Another request may have refreshed it while this one waited.
            if (await store.GetAsync(StoreKey, cancellationToken) is { } current)
            {
                return current;
            }

            var generation = Interlocked.Read(ref _generation);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NearNativeDbContext>();
            var runtimes = await db.Database
                .SqlQueryRaw<Listed>(_listingSql ??= ListingSql(db), CellComputation.NativeSlug)
                .ToListAsync(cancellationToken);
            var bytes = JsonSerializer.SerializeToUtf8Bytes(runtimes.Select(r => new[] { r.Suite, r.Slug }).ToList());
            if (_lifetime > TimeSpan.Zero && Interlocked.Read(ref _generation) == generation)
            {
                await store.SetAsync(StoreKey, bytes, Tags, _lifetime, cancellationToken);
            }

            return bytes;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>The set the bytes hold, decoded again only when they differ from the last ones seen.</summary>
    private FrozenSet<(string Suite, string Slug)> Decode(byte[] bytes)
    {
        if (_last is { } last && last.Bytes.AsSpan().SequenceEqual(bytes))
        {
            return last.Runtimes;
        }

        var pairs = JsonSerializer.Deserialize<List<string[]>>(bytes) ?? [];
        var decoded = new Decoded(bytes, pairs.Select(p => (p[0], p[1])).ToFrozenSet());
        _last = decoded;
        return decoded.Runtimes;
    }

    /// <summary>
    /// Every (suite, runtime) pair with cells, by a loose index scan on the cells' (suite, runtime) index: one index
    /// probe per suite and per runtime found, so its cost grows with the runtimes and not with the cells (a
    /// <c>DISTINCT</c> reads every cell, tens of milliseconds at 60,000). The same SQL runs on PostgreSQL and SQLite;
    /// the names come from the EF model.
    /// </summary>
    private static string ListingSql(NearNativeDbContext db)
    {
        var cells = db.Model.FindEntityType(typeof(LeaderboardCell))!;
        var store = StoreObjectIdentifier.Table(cells.GetTableName()!, cells.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(store.Name, store.Schema);
        var suite = sql.DelimitIdentifier(cells.FindProperty(nameof(LeaderboardCell.Suite))!.GetColumnName(store)!);
        var slug = sql.DelimitIdentifier(cells.FindProperty(nameof(LeaderboardCell.RuntimeSlug))!.GetColumnName(store)!);
        return $$"""
            WITH RECURSIVE suites(suite) AS (
                SELECT MIN({{suite}}) FROM {{table}}
                UNION ALL
                SELECT (SELECT MIN(c.{{suite}}) FROM {{table}} c WHERE c.{{suite}} > suites.suite)
                FROM suites WHERE suites.suite IS NOT NULL
            ),
            runtimes(suite, slug) AS (
                SELECT suites.suite, (SELECT MIN(c.{{slug}}) FROM {{table}} c WHERE c.{{suite}} = suites.suite)
                FROM suites WHERE suites.suite IS NOT NULL
                UNION ALL
                SELECT runtimes.suite, (SELECT MIN(c.{{slug}}) FROM {{table}} c WHERE c.{{suite}} = runtimes.suite AND c.{{slug}} > runtimes.slug)
                FROM runtimes WHERE runtimes.slug IS NOT NULL
            )
            SELECT runtimes.suite AS suite, runtimes.slug AS slug FROM runtimes
            WHERE runtimes.slug IS NOT NULL AND runtimes.slug <> {0}
            """;
    }

    private sealed record Listed(string Suite, string Slug);

    private sealed record Decoded(byte[] Bytes, FrozenSet<(string Suite, string Slug)> Runtimes);
}
