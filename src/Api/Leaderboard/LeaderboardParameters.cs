using FluentValidation;
using NearNative.Api.Infrastructure;
using NearNative.Api.Submissions;
using NearNative.Api.Suites;
using NearNative.Domain.Suite;

namespace NearNative.Api.Leaderboard;

/// <summary>The query string of <c>GET /api/v1/leaderboard</c>.</summary>
public sealed record LeaderboardParameters
{
    /// <summary>Suite id; default the newest suite the server knows.</summary>
    public string? Suite { get; init; }

    /// <summary><c>quick</c> or <c>full</c>; default both, full rows first.</summary>
    public string? Size { get; init; }

    /// <summary>
    /// What to rank by: <c>execution</c> (default; kernel time; <c>speed</c> is another name for it), <c>process</c>
    /// (whole-process time), <c>memory</c> (peak resident memory ratio on the workloads that are neither start-up nor opt-in), <c>memory-floor</c>
    /// (MB of peak resident memory on the empty program), <c>startup</c> (milliseconds added to native's empty process),
    /// <c>startup-ratio</c> (the same as a ratio), <c>preinit-gain</c> (speed-up from Wizer pre-initialisation; higher is
    /// better), <c>instance-start</c> (microseconds per instance in a running host, native process starts beside it),
    /// <c>instance-density</c> (KB per live instance), or <c>category:&lt;name&gt;</c> for the kernel time of one workload
    /// category, e.g. <c>category:compute</c>.
    /// </summary>
    public string? Metric { get; init; }

    /// <summary>A CPU key (see <c>GET /api/v1/cpus</c>): rank on that CPU only. An unknown key gives no rows.</summary>
    public string? Cpu { get; init; }

    /// <summary>A workload category of the suite, e.g. <c>compute</c>: rank by its kernel time (the same as <c>metric=category:compute</c>).</summary>
    public string? Category { get; init; }

    /// <summary>A workload of the suite, e.g. <c>fib</c>: rank by its median ratio; <c>metric</c> may then be <c>execution</c>, <c>process</c> or <c>memory</c>.</summary>
    public string? Workload { get; init; }

    /// <summary>Only CPU keys of this architecture, e.g. <c>x86_64</c> or <c>aarch64</c>; without it every architecture has its own rows, never pooled.</summary>
    public string? Architecture { get; init; }

    /// <summary>Only CPU keys with this virtualisation: <c>none</c> for bare metal, else the hypervisor, e.g. <c>kvm</c> (<c>vm</c> for an unnamed one).</summary>
    public string? Virtualisation { get; init; }

    /// <summary>Only this runtime slug, e.g. <c>wasmtime</c>: its rows are ranked among themselves.</summary>
    public string? Runtime { get; init; }

    /// <summary>Only this runtime version, exactly as reported, e.g. <c>30.0.0</c>.</summary>
    public string? Version { get; init; }

    /// <summary>
    /// <c>true</c>: each row lists the CPU cells it combines, one per CPU key, which with many CPUs is most of the answer.
    /// Default <c>false</c>: <c>cells</c> is null and <c>cpuKeys</c> says how many there are.
    /// </summary>
    public bool? Cells { get; init; }

    public string? SuiteOrNewest(SuiteCatalog suites) => Suite ?? suites.Newest;

    public LeaderboardFilter Filter(string suite) => new(suite, Size, Cpu, Architecture, Virtualisation, Runtime, Version);
}

/// <summary>
/// What a leaderboard ranks by, from <c>metric</c>, <c>category</c> and <c>workload</c> together; the first field at
/// fault and why when they do not fit the suite or each other.
/// </summary>
public static class LeaderboardSelection
{
    public static (LeaderboardMetric? Metric, string? Field, string[]? Errors) Choose(
        string? metric, string? category, string? workload, SuiteManifest suite)
    {
        if (LeaderboardMetric.Find(metric, suite) is not { } figure)
        {
            return (null, "metric", LeaderboardMetric.Invalid(suite));
        }

        if (category is not null && workload is not null)
        {
            return (null, "workload", ["Give either category or workload, not both."]);
        }

        if (category is not null)
        {
            var categories = LeaderboardMetric.For(suite).Where(m => m.Category is not null).Select(m => m.Category!).ToList();
            if (!categories.Contains(category, StringComparer.Ordinal))
            {
                return (null, "category", [$"Must be one of {string.Join(", ", categories)}."]);
            }

            return figure == LeaderboardMetric.Execution || figure.Category == category
                ? (LeaderboardMetric.ForCategory(category), null, null)
                : (null, "category", ["A category has kernel-time figures only: leave metric out or set it to execution."]);
        }

        if (workload is not null)
        {
            if (!suite.Workloads.Any(w => w.Id == workload))
            {
                return (null, "workload", [$"Must be one of {string.Join(", ", suite.Workloads.Select(w => w.Id))}."]);
            }

            return LeaderboardMetric.PerWorkload.Contains(figure)
                ? (LeaderboardMetric.ForWorkload(workload, figure), null, null)
                : (null, "workload", [$"A workload has {string.Join(", ", LeaderboardMetric.PerWorkload.Select(m => m.Id))} figures: leave metric out or set it to one of them."]);
        }

        return (figure, null, null);
    }
}

public sealed class LeaderboardParametersValidator : AbstractValidator<LeaderboardParameters>
{
    public LeaderboardParametersValidator(SuiteCatalog suites)
    {
        RuleFor(p => p.Size).Size();
        RuleFor(p => p.Cpu).CpuKey();
        RuleFor(p => p.Architecture).KeySegment();
        RuleFor(p => p.Virtualisation).KeySegment();
        RuleFor(p => p.Runtime).Slug();
        RuleFor(p => p.Version).PrintableText(DocumentLimits.MaxName);

        // An unknown suite is a 404 from the handler; only a known one says which metrics exist.
        RuleFor(p => p).Custom((p, context) =>
        {
            if (suites.Find(p.SuiteOrNewest(suites)) is not { } suite)
            {
                return;
            }

            var (_, field, errors) = LeaderboardSelection.Choose(p.Metric, p.Category, p.Workload, suite);
            foreach (var error in errors ?? [])
            {
                context.AddFailure(field!, error);
            }
        });
    }
}
