using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NearNative.Api.Data;

namespace NearNative.Api.Leaderboard;

/// <summary>
/// Keeps the leaderboard cells true to the accepted submissions: every change to a group's submissions runs in a
/// transaction that holds the group's lock, and rewrites the affected cells before it commits, so a reader sees the
/// old cells or the new ones, never a submission without its cells.
/// </summary>
public sealed class CellMaintenance(NearNativeDbContext db, IOutputCacheStore cache, RuntimeDirectory runtimes)
{
    /// <summary>
    /// A transaction holding the group's lock until it ends. On PostgreSQL the lock is a transaction-scoped advisory
    /// lock, so two changes to one group take turns and the second recomputes with the first's submission in view;
    /// SQLite's write transaction already excludes every other writer.
    /// </summary>
    public async Task<IDbContextTransaction> BeginAsync(CellGroup group, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"SELECT pg_advisory_xact_lock(hashtextextended({group.LockName}, 0))", cancellationToken);
        }

        return transaction;
    }

    public Task<List<CellInput>> LoadAsync(CellGroup group, IReadOnlyCollection<string> slugs, CancellationToken cancellationToken) =>
        CellInput.LoadAsync(db, group, slugs, cancellationToken);

    /// <summary>Rewrites the group's cells of <paramref name="slugs"/> and native's starts from <paramref name="inputs"/>; call inside <see cref="BeginAsync"/>.</summary>
    public async Task ReplaceAsync(CellGroup group, IReadOnlyCollection<string> slugs, IReadOnlyList<CellInput> inputs, CancellationToken cancellationToken)
    {
        var affected = slugs.Append(CellComputation.NativeSlug).Distinct(StringComparer.Ordinal).ToList();
        await db.LeaderboardCells
            .Where(c => c.Suite == group.Suite && c.Size == group.Size && c.CpuKey == group.CpuKey && affected.Contains(c.RuntimeSlug))
            .ExecuteDeleteAsync(cancellationToken);
        db.LeaderboardCells.AddRange(CellComputation.Compute(group, inputs, slugs));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Reloads a group's submissions and rewrites the cells of <paramref name="slugs"/>, in its own locked transaction, then evicts what they show in.</summary>
    public async Task RecomputeAsync(CellGroup group, IReadOnlyCollection<string> slugs, CancellationToken cancellationToken)
    {
        await RewriteAsync(group, slugs, cancellationToken);
        await EvictAsync(slugs, cancellationToken);
    }

    /// <summary>Reloads a group's submissions and rewrites the cells of <paramref name="slugs"/> in its own locked transaction; evicts nothing.</summary>
    public async Task RewriteAsync(CellGroup group, IReadOnlyCollection<string> slugs, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginAsync(group, cancellationToken);
        await ReplaceAsync(group, slugs, await LoadAsync(group, slugs, cancellationToken), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Rebuilds every cell when there are accepted submissions but no cells at all: a database from before cells
    /// were maintained, migrated. Idempotent, so instances starting together do no harm.
    /// </summary>
    public async Task BackfillAsync(CancellationToken cancellationToken)
    {
        if (await db.LeaderboardCells.AnyAsync(cancellationToken)
            || !await db.Submissions.AnyAsync(s => s.Status == SubmissionStatus.Accepted, cancellationToken))
        {
            return;
        }

        var groups = await db.Submissions.AsNoTracking()
            .Where(s => s.Status == SubmissionStatus.Accepted)
            .Select(s => new { s.Suite, s.Size, s.CpuKey })
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var group in groups)
        {
            var cellGroup = new CellGroup(group.Suite, group.Size, group.CpuKey);
            var slugs = await db.RuntimeResults.AsNoTracking()
                .Where(r => db.Submissions.Any(s => s.Id == r.SubmissionId && s.Suite == group.Suite && s.Size == group.Size && s.CpuKey == group.CpuKey))
                .Select(r => r.Slug)
                .Distinct()
                .ToListAsync(cancellationToken);
            await RecomputeAsync(cellGroup, slugs, cancellationToken);
        }
    }

    /// <summary>
    /// Evicts what the change can have altered: every leaderboard answer (each lists all runtimes) and the badges of
    /// the changed runtimes only; other runtimes' badges stay cached.
    /// </summary>
    public async Task EvictAsync(IEnumerable<string> slugs, CancellationToken cancellationToken)
    {
        runtimes.Invalidate();
        await cache.EvictByTagAsync(LeaderboardApi.CacheTag, cancellationToken);
        foreach (var slug in slugs.Distinct(StringComparer.Ordinal))
        {
            await cache.EvictByTagAsync(LeaderboardApi.RuntimeTag(slug), cancellationToken);
        }
    }
}
