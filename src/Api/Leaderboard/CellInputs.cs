using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;

namespace NearNative.Api.Leaderboard;

/// <summary>
/// The cells one submission can touch: its suite, size and CPU key. Every change to the leaderboard happens to one
/// group at a time, under the group's lock.
/// </summary>
public sealed record CellGroup(string Suite, string Size, string CpuKey)
{
    public static CellGroup Of(Submission submission) => new(submission.Suite, submission.Size, submission.CpuKey);

    /// <summary>The text the group's lock is derived from.</summary>
    public string LockName => $"cells/{Suite}/{Size}/{CpuKey}";
}

/// <summary>One accepted submission's stored figures, as the cells of its group are computed from them.</summary>
/// <param name="CpuBrand">The CPU brand the submission reported (untrusted text), which a cell keeps from its newest submission to name its CPU.</param>
/// <param name="Runtimes">The runtime results of the runtimes being recomputed, with their categories and workloads.</param>
public sealed record CellInput(
    string MachineId,
    bool Noisy,
    DateTimeOffset ReceivedAt,
    string CpuBrand,
    double? NativeForkExecUs,
    double? NativePosixSpawnUs,
    double? NativeNamespacedUs,
    IReadOnlyList<RuntimeResult> Runtimes)
{
    public static CellInput Of(Submission submission) => new(
        submission.MachineId,
        submission.Noisy,
        submission.ReceivedAt,
        submission.CpuBrand,
        submission.NativeForkExecUs,
        submission.NativePosixSpawnUs,
        submission.NativeNamespacedUs,
        submission.Runtimes);

    /// <summary>
    /// The accepted submissions of a group with their results for <paramref name="slugs"/>: a few queries, each
    /// bounded by the group (one CPU key of one suite and size), never by the whole table.
    /// </summary>
    public static async Task<List<CellInput>> LoadAsync(
        NearNativeDbContext db,
        CellGroup group,
        IReadOnlyCollection<string> slugs,
        CancellationToken cancellationToken)
    {
        var submissions = db.Submissions.AsNoTracking().Where(s => s.Suite == group.Suite
            && s.Size == group.Size
            && s.CpuKey == group.CpuKey
            && s.Status == SubmissionStatus.Accepted);
        var stored = await submissions
            .Select(s => new { s.Id, s.MachineId, s.Noisy, s.ReceivedAt, s.CpuBrand, s.NativeForkExecUs, s.NativePosixSpawnUs, s.NativeNamespacedUs })
            .ToListAsync(cancellationToken);
        var runtimes = await db.RuntimeResults.AsNoTracking()
            .Include(r => r.Categories)
            .Include(r => r.Workloads)
            .AsSplitQuery()
            .Where(r => slugs.Contains(r.Slug) && submissions.Any(s => s.Id == r.SubmissionId))
            .ToListAsync(cancellationToken);
        var bySubmission = runtimes.ToLookup(r => r.SubmissionId, StringComparer.Ordinal);
        return
        [
            .. stored.Select(s => new CellInput(
                s.MachineId, s.Noisy, s.ReceivedAt, s.CpuBrand, s.NativeForkExecUs, s.NativePosixSpawnUs, s.NativeNamespacedUs, [.. bySubmission[s.Id]])),
        ];
    }
}
