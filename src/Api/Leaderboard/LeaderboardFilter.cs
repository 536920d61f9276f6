using NearNative.Api.Data;

namespace NearNative.Api.Leaderboard;

/// <summary>
/// Which accepted submissions and runtime results a leaderboard aggregates. Architecture and virtualisation are
/// read from the CPU key (its first and last segment), so bare metal and virtual machines stay apart as the key
/// keeps them; runtime and version pick rows, which are then ranked among themselves.
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
    public IQueryable<Submission> Apply(IQueryable<Submission> submissions)
    {
        submissions = submissions.Where(s => s.Suite == Suite && s.Status == SubmissionStatus.Accepted);
        if (Size is not null)
        {
            submissions = submissions.Where(s => s.Size == Size);
        }

        if (Cpu is not null)
        {
            submissions = submissions.Where(s => s.CpuKey == Cpu);
        }

        if (Architecture is not null)
        {
            var prefix = Architecture + "/";
            submissions = submissions.Where(s => s.CpuKey.StartsWith(prefix));
        }

        if (Virtualisation is not null)
        {
            var suffix = "/" + Virtualisation;
            submissions = submissions.Where(s => s.CpuKey.EndsWith(suffix));
        }

        return submissions;
    }

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
}
