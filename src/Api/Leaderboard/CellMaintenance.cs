using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NearNative.Api.Data;

namespace NearNative.Api.Leaderboard;

/// <summary>
/// Keeps the leaderboard cells true to the accepted submissions: every change to a group's submissions runs in a
/// transaction that holds the group's lock, and rewrites the affected cells before it commits, so a reader sees the
/// old cells or the new ones, never a submission without its cells. An accepted submission updates its machine's rows,
/// the cells they fall in and those cells' votes (<see cref="AddAsync"/>); a quarantine, a release or an administrator's recompute
/// rebuilds a group's cells from its stored submissions (<see cref="ReplaceAsync"/>). Both give the same cells.
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

    /// <summary>
    /// Rewrites the group's cells and machine rows of <paramref name="slugs"/> and native's starts from every accepted
    /// submission (<paramref name="inputs"/>); call inside <see cref="BeginAsync"/>.
    /// </summary>
    public async Task ReplaceAsync(CellGroup group, IReadOnlyCollection<string> slugs, IReadOnlyList<CellInput> inputs, CancellationToken cancellationToken)
    {
        var affected = slugs.Append(CellComputation.NativeSlug).Distinct(StringComparer.Ordinal).ToList();
        await db.LeaderboardCells.OfRuntimes(group, affected).ExecuteDeleteAsync(cancellationToken);
        await db.LeaderboardCellVotes.OfRuntimes(group, affected).ExecuteDeleteAsync(cancellationToken);
        await db.LeaderboardCellMachines.OfRuntimes(group, affected).ExecuteDeleteAsync(cancellationToken);
        await WriteAsync(CellComputation.Compute(group, CellComputation.Readings(inputs, slugs)), cancellationToken);
    }

    /// <summary>
    /// What adding one machine's <paramref name="readings"/> to the group needs: the cells they fall in, those cells'
    /// votes and the machine's own rows there. One row of each per cell, however many machines or submissions the
    /// group has; call inside <see cref="BeginAsync"/>.
    /// </summary>
    public async Task<CellState> LoadStateAsync(CellGroup group, IReadOnlyList<Reading> readings, CancellationToken cancellationToken)
    {
        var keys = readings.Select(r => r.Key).Distinct().ToList();
        var machineId = readings.Select(r => r.MachineId).FirstOrDefault() ?? "";
        var cells = await db.LeaderboardCells.AsNoTracking().OfKeys(group, keys).ToListAsync(cancellationToken);
        var votes = await db.LeaderboardCellVotes.AsNoTracking().OfKeys(group, keys).ToListAsync(cancellationToken);
        var mine = await db.LeaderboardCellMachines.AsNoTracking().OfKeys(group, keys).Where(m => m.MachineId == machineId).ToListAsync(cancellationToken);
        return new CellState(Keyed(cells), Keyed(votes), Keyed(mine));
    }

    /// <summary>
    /// Adds one accepted submission's <paramref name="readings"/> (see <see cref="LoadStateAsync"/>): rewrites its
    /// machine's rows and the cells they fall in, and nothing else; call inside <see cref="BeginAsync"/>.
    /// </summary>
    public async Task AddAsync(CellGroup group, IReadOnlyList<Reading> readings, CellState state, CancellationToken cancellationToken)
    {
        if (readings.Count == 0)
        {
            return;
        }

        var machineId = readings[0].MachineId;
        var keys = readings.Select(r => r.Key).Distinct().ToList();
        await db.LeaderboardCells.OfKeys(group, keys).ExecuteDeleteAsync(cancellationToken);
        await db.LeaderboardCellVotes.OfKeys(group, keys).ExecuteDeleteAsync(cancellationToken);
        await db.LeaderboardCellMachines.OfKeys(group, keys).Where(m => m.MachineId == machineId).ExecuteDeleteAsync(cancellationToken);
        await WriteAsync(CellComputation.Add(group, readings, state), cancellationToken);
    }

    private async Task WriteAsync(CellRows rows, CancellationToken cancellationToken)
    {
        await BulkRows.InsertAsync(db, rows.Cells, cancellationToken);
        await BulkRows.InsertAsync(db, rows.Votes, cancellationToken);
        await BulkRows.InsertAsync(db, rows.Machines, cancellationToken);
    }

    private static Dictionary<CellKey, T> Keyed<T>(IEnumerable<T> rows)
        where T : ICellRow =>
        rows.ToDictionary(r => new CellKey(r.Metric, r.RuntimeSlug, r.RuntimeVersion));

    /// <summary>Reloads a group's submissions and rewrites the cells of <paramref name="slugs"/>, in its own locked transaction, then evicts what they show in.</summary>
    public async Task RecomputeAsync(CellGroup group, IReadOnlyCollection<string> slugs, CancellationToken cancellationToken)
    {
        await RewriteAsync(group, slugs, cancellationToken);
        await EvictAsync(group, slugs, cancellationToken);
    }

    /// <summary>Reloads a group's submissions and rewrites the cells of <paramref name="slugs"/> in its own locked transaction; evicts nothing.</summary>
    public async Task RewriteAsync(CellGroup group, IReadOnlyCollection<string> slugs, CancellationToken cancellationToken)
    {
        await using var transaction = await BeginAsync(group, cancellationToken);
        await ReplaceAsync(group, slugs, await LoadAsync(group, slugs, cancellationToken), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Rebuilds every cell and machine row when there are accepted submissions but no machine rows at all: a database
    /// from before cells were maintained by machine, migrated, or one whose cells were cleared to be rebuilt.
    /// Idempotent, so instances starting together do no harm.
    /// </summary>
    public async Task BackfillAsync(CancellationToken cancellationToken)
    {
        if (await db.LeaderboardCellMachines.AnyAsync(cancellationToken)
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
    /// Evicts what the change can have altered: every leaderboard answer (each lists all runtimes), the badges of the
    /// changed runtimes only (other runtimes' badges stay cached), and the list of known runtimes only when it lacks
    /// one of them. A runtime that loses its last cell may stay listed: its badge then finds no row and says so.
    /// </summary>
    public async Task EvictAsync(CellGroup group, IReadOnlyCollection<string> slugs, CancellationToken cancellationToken)
    {
        if (!await runtimes.ListsAllAsync(group.Suite, slugs, cancellationToken))
        {
            // A list being rebuilt now may have been read before this change: it must not be kept.
            runtimes.Invalidate();
            await cache.EvictByTagAsync(RuntimeDirectory.Tag, cancellationToken);
        }

        await cache.EvictByTagAsync(LeaderboardApi.CacheTag, cancellationToken);
        foreach (var slug in slugs.Distinct(StringComparer.Ordinal))
        {
            await cache.EvictByTagAsync(LeaderboardApi.RuntimeTag(slug), cancellationToken);
        }
    }
}

/// <summary>Where clauses shared by the cells, their votes and their machine rows.</summary>
public static class CellRowQueries
{
    /// <summary>A group's rows of some runtimes, every version and metric.</summary>
    public static IQueryable<T> OfRuntimes<T>(this IQueryable<T> rows, CellGroup group, IReadOnlyCollection<string> slugs)
        where T : class, ICellRow =>
        rows.Where(r => r.Suite == group.Suite && r.Size == group.Size && r.CpuKey == group.CpuKey && slugs.Contains(r.RuntimeSlug));

    /// <summary>
    /// A group's rows of exactly these cells: a key is slug, version and metric together, so another runtime that
    /// happens to share a version string, or a metric this submission has no figure for, is left alone.
    /// </summary>
    public static IQueryable<T> OfKeys<T>(this IQueryable<T> rows, CellGroup group, IReadOnlyCollection<CellKey> keys)
        where T : class, ICellRow
    {
        var slugs = keys.Select(k => k.Slug).Distinct(StringComparer.Ordinal).ToList();
        var joined = keys.Select(k => k.Slug + Separator + k.Version + Separator + k.Metric).ToList();
        return rows.OfRuntimes(group, slugs).Where(r => joined.Contains(r.RuntimeSlug + Separator + r.RuntimeVersion + Separator + r.Metric));
    }

    /// <summary>A character no identifier, version or metric id may contain.</summary>
    private const string Separator = "\n";
}
