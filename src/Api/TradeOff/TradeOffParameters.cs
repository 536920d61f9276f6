using System.Globalization;
using FluentValidation;
using NearNative.Api.Infrastructure;
using NearNative.Api.Leaderboard;
using NearNative.Api.Suites;
using NearNative.Domain.Cpu;
using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Api.TradeOff;

/// <summary>The query string of <c>GET /api/v1/tradeoff</c>, and what the trade-off page passes to <see cref="TradeOffQuery"/>.</summary>
public sealed record TradeOffParameters
{
    /// <summary>Every parameter; the output cache varies by these and ignores any other.</summary>
    public static readonly string[] QueryNames = ["suite", "size", "weights", "like", "requests", "cpuMs", "cpu", "arch", "native"];

    public const long DefaultRequests = 1;
    public const long MaxRequests = 1_000_000_000;
    public const double DefaultCpuMs = 1;
    public const double MaxCpuMs = 3_600_000;
    public const double MaxWeight = 1000;
    public const int MaxWeightsLength = 512;

    /// <summary>Suite id; default the newest suite the server knows.</summary>
    public string? Suite { get; init; }

    /// <summary><c>quick</c> or <c>full</c>; default full when the architecture (or CPU) has full-size results, else quick.</summary>
    public string? Size { get; init; }

    /// <summary>
    /// The service's mix as weights per workload category, e.g. <c>compute:3,io:1</c>: categories left out weigh
    /// nothing, only the weights' shares matter. Default every category of the suite weighted equally.
    /// </summary>
    public string? Weights { get; init; }

    /// <summary>A workload of the suite (not a start-up one) that the service resembles, e.g. <c>fib</c>: its ratio stands for the mix. Not with <c>weights</c>.</summary>
    public string? Like { get; init; }

    /// <summary>Requests one instance serves before it is recycled, 1 to 1,000,000,000; default 1 (a fresh instance per request).</summary>
    public string? Requests { get; init; }

    /// <summary>CPU milliseconds one request takes natively, e.g. <c>2.5</c>: more than 0, at most 3,600,000; default 1.</summary>
    public string? CpuMs { get; init; }

    /// <summary>A CPU key (see <c>GET /api/v1/cpus</c>): figures from that CPU only.</summary>
    public string? Cpu { get; init; }

    /// <summary>The architecture whose CPU keys are combined, e.g. <c>aarch64</c>: default the <c>cpu</c> key's, else <c>x86_64</c>.</summary>
    public string? Arch { get; init; }

    /// <summary>
    /// How native starts a process, the alternative to an instance: <c>fork-exec</c> (default), <c>posix-spawn</c>, or
    /// <c>namespaced</c> (fresh namespaces: a container's isolation, the closest native match to a sandboxed instance).
    /// </summary>
    public string? Native { get; init; }

    public long RequestsPerInstance => Requests is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : DefaultRequests;

    public double CpuMsPerRequest => CpuMs is { } text && TradeOffText.TryParseDecimal(text, out var value) ? value : DefaultCpuMs;

    public string ChosenArchitecture => Arch ?? (Cpu is null ? CpuKey.DefaultArchitecture : CpuKey.ArchitectureOf(Cpu));

    public string NativeMethod => Native ?? InstanceStart.ForkExec;

    public string? SuiteOrNewest(SuiteCatalog suites) => Suite ?? suites.Newest;

    /// <summary>
    /// The leaderboard metrics whose kernel-time ratios make up the mix, with their weights (all positive): the workload
    /// of <see cref="Like"/>, the categories of <see cref="Weights"/>, or every category equally. Null when invalid.
    /// </summary>
    public IReadOnlyList<(LeaderboardMetric Metric, double Weight)>? Mix(SuiteManifest suite)
    {
        if (Like is not null)
        {
            return [(LeaderboardMetric.ForWorkload(Like, LeaderboardMetric.Execution), 1)];
        }

        var categories = Categories(suite);
        if (Weights is null)
        {
            return [.. categories.Select(c => (LeaderboardMetric.ForCategory(c), 1.0))];
        }

        return TradeOffText.TryParseWeights(Weights, categories, out var weights, out _)
            ? [.. weights.Where(w => w.Weight > 0).Select(w => (LeaderboardMetric.ForCategory(w.Category), w.Weight))]
            : null;
    }

    /// <summary>The categories a mix can weigh: those of the suite's leaderboard, start-up left out.</summary>
    public static IReadOnlyList<string> Categories(SuiteManifest suite) =>
        [.. LeaderboardMetric.For(suite).Where(m => m.Category is not null).Select(m => m.Category!)];
}

public sealed class TradeOffParametersValidator : AbstractValidator<TradeOffParameters>
{
    public TradeOffParametersValidator(SuiteCatalog suites)
    {
        RuleFor(p => p.Size).Size();
        RuleFor(p => p.Cpu).CpuKey();
        RuleFor(p => p.Arch).KeySegment()
            .Must((p, arch) => arch is null || p.Cpu is null || !QueryRules.IsCpuKeyShaped(p.Cpu) || CpuKey.ArchitectureOf(p.Cpu) == arch)
            .WithMessage("Must be the architecture of the cpu key (its first segment), or left out.");
        RuleFor(p => p.Requests)
            .Must(r => r is null || (long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= TradeOffParameters.MaxRequests))
            .WithMessage(string.Create(CultureInfo.InvariantCulture, $"Must be a whole number from 1 to {TradeOffParameters.MaxRequests}."));
        RuleFor(p => p.CpuMs)
            .Must(t => t is null || (TradeOffText.TryParseDecimal(t, out var ms) && ms is > 0 and <= TradeOffParameters.MaxCpuMs))
            .WithMessage(string.Create(CultureInfo.InvariantCulture, $"Must be a decimal number of milliseconds above 0 and at most {TradeOffParameters.MaxCpuMs}, e.g. 2.5."));
        RuleFor(p => p.Native).Must(n => n is null || InstanceStart.NativeMethods.Contains(n))
            .WithMessage($"Must be one of {string.Join(", ", InstanceStart.NativeMethods)}.");

        // An unknown suite is a 404 from the query; only a known one says which categories and workloads exist.
        RuleFor(p => p).Custom((p, context) =>
        {
            if (suites.Find(p.SuiteOrNewest(suites)) is not { } suite)
            {
                return;
            }

            if (p.Like is not null)
            {
                var workloads = suite.Workloads.Where(w => !w.IsStartup).Select(w => w.Id).ToList();
                if (p.Weights is not null)
                {
                    context.AddFailure("like", "Give either weights or like, not both.");
                }
                else if (!workloads.Contains(p.Like, StringComparer.Ordinal))
                {
                    context.AddFailure("like", $"Must be one of {string.Join(", ", workloads)} (start-up workloads have no kernel time to compare).");
                }
            }

            if (p.Weights is not null && !TradeOffText.TryParseWeights(p.Weights, TradeOffParameters.Categories(suite), out _, out var error))
            {
                context.AddFailure("weights", error!);
            }
        });
    }
}
