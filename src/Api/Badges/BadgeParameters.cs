using FluentValidation;
using NearNative.Api.Infrastructure;
using NearNative.Api.Leaderboard;
using NearNative.Api.Suites;
using NearNative.Domain.Cpu;

namespace NearNative.Api.Badges;

/// <summary>The query string of the badges.</summary>
public sealed record BadgeParameters
{
    /// <summary>Every parameter; the output cache varies by these and ignores any other.</summary>
    public static readonly string[] QueryNames = ["metric", "category", "cpu", "architecture", "arch", "style"];

    /// <summary>
    /// A leaderboard metric (see <c>GET /api/v1/leaderboard</c>), default <c>execution</c>; <c>speed</c> is another
    /// name for it.
    /// </summary>
    public string? Metric { get; init; }

    /// <summary>A workload category, e.g. <c>compute</c>: the runtime's kernel time on it (as <c>metric=category:compute</c>).</summary>
    public string? Category { get; init; }

    /// <summary>A CPU key (see <c>GET /api/v1/cpus</c>): the runtime's figure on that CPU only; the label names the CPU.</summary>
    public string? Cpu { get; init; }

    /// <summary>
    /// The architecture whose CPU keys the figure combines, e.g. <c>aarch64</c>: default the <c>cpu</c> key's, else
    /// <c>x86_64</c>. Architectures are never pooled, so each has its own badge; the label names any but x86_64.
    /// </summary>
    public string? Architecture { get; init; }

    /// <summary>Another name for <c>architecture</c>, short for READMEs.</summary>
    public string? Arch { get; init; }

    /// <summary><c>flat</c> (default; rounded, with a faint gradient) or <c>flat-square</c> (square corners, no gradient).</summary>
    public string? Style { get; init; }

    public BadgeStyle BadgeStyle => Style == BadgeStyles.FlatSquare ? BadgeStyle.FlatSquare : BadgeStyle.Flat;

    /// <summary>The architecture asked for (by either name), else the CPU key's, else x86-64.</summary>
    public string ChosenArchitecture => Architecture ?? Arch ?? (Cpu is null ? CpuKey.DefaultArchitecture : CpuKey.ArchitectureOf(Cpu));
}

public enum BadgeStyle
{
    Flat,
    FlatSquare,
}

public static class BadgeStyles
{
    public const string Flat = "flat";
    public const string FlatSquare = "flat-square";
}

public sealed class BadgeParametersValidator : AbstractValidator<BadgeParameters>
{
    public BadgeParametersValidator(SuiteCatalog suites)
    {
        RuleFor(p => p.Cpu).CpuKey();
        RuleFor(p => p.Architecture).KeySegment();
        RuleFor(p => p.Arch).KeySegment()
            .Must((p, arch) => arch is null || p.Architecture is null || arch == p.Architecture)
            .WithMessage("Another name for architecture: give one of them, or the same value in both.");
        RuleFor(p => p.Style).Must(s => s is null or BadgeStyles.Flat or BadgeStyles.FlatSquare)
            .WithMessage($"Must be '{BadgeStyles.Flat}' or '{BadgeStyles.FlatSquare}'.");
        RuleFor(p => p).Custom((p, context) =>
        {
            if (suites.Find(suites.Newest) is not { } suite)
            {
                return;
            }

            var (_, field, errors) = LeaderboardSelection.Choose(p.Metric, p.Category, workload: null, suite);
            foreach (var error in errors ?? [])
            {
                context.AddFailure(field!, error);
            }
        });
    }
}
