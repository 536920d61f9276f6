using NearNative.Api.Data;

namespace NearNative.Api.Leaderboard;

/// <summary>
/// Which cells a leaderboard combines (or, for counts, which accepted submissions and runtime results). Architecture
/// and virtualisation are read from the CPU key (its first and last segment), so bare metal and virtual machines stay
/// apart as the key keeps them; runtime and version pick rows, which are then ranked among themselves.
/// </summary>
/// <param name="Size">Null for both sizes.</param>
/// <param name="Cpu">One CPU key; null for every one.</param>
/// <param name="Architecture">The CPU key's first segment, e.g. <c>x86_64</c>.</param>
/// <param name="Virtualisation">The CPU key's last segment: <c>none</c> for bare metal, else the hypervisor (<c>kvm</c>, <c>vm</c>, …).</param>
/// <param name="Runtime">A runtime slug.</param>
/// <param name="Version">A runtime version, as the agent reported it.</param>
public sealed record LeaderboardFilter(
    string Suite,
    string? Size = null,
    string? Cpu = null,
    string? Architecture = null,
    string? Virtualisation = null,
    string? Runtime = null,
    string? Version = null)
{
    public IQueryable<LeaderboardCell> Apply(IQueryable<LeaderboardCell> cells)
    {
        cells = ByCpuKey(cells);
        if (Runtime is not null)
        {
            cells = cells.Where(c => c.RuntimeSlug == Runtime);
        }

        if (Version is not null)
        {
            cells = cells.Where(c => c.RuntimeVersion == Version);
        }

        return cells;
    }

    public IQueryable<Submission> Apply(IQueryable<Submission> submissions) =>
        ByCpuKey(submissions.Where(s => s.Status == SubmissionStatus.Accepted));

    public IQueryable<RuntimeResult> Apply(IQueryable<RuntimeResult> runtimes)
    {
        if (Runtime is not null)
        {
            runtimes = runtimes.Where(r => r.Slug == Runtime);
        }

        if (Version is not null)
        {
            runtimes = runtimes.Where(r => r.Version == Version);
        }

        return runtimes;
    }

    /// <summary>The suite, size and CPU-key conditions, which submissions and cells share.</summary>
    private IQueryable<T> ByCpuKey<T>(IQueryable<T> rows)
        where T : class, ICpuKeyedRow
    {
        rows = rows.Where(r => r.Suite == Suite);
        if (Size is not null)
        {
            rows = rows.Where(r => r.Size == Size);
        }

        if (Cpu is not null)
        {
            rows = rows.Where(r => r.CpuKey == Cpu);
        }

        if (Architecture is not null)
        {
            var prefix = Architecture + "/";
            rows = rows.Where(r => r.CpuKey.StartsWith(prefix));
        }

        if (Virtualisation is not null)
        {
            var suffix = "/" + Virtualisation;
            rows = rows.Where(r => r.CpuKey.EndsWith(suffix));
        }

        return rows;
    }
}
