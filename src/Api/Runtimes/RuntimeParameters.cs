using FluentValidation;
using NearNative.Api.Infrastructure;

namespace NearNative.Api.Runtimes;

/// <summary>The query string of <c>GET /api/v1/runtimes</c> and <c>GET /api/v1/runtimes/{id}</c>.</summary>
public sealed record RuntimeParameters
{
    /// <summary>Suite id; default the newest suite the server knows.</summary>
    public string? Suite { get; init; }

    /// <summary><c>quick</c> or <c>full</c>; default both.</summary>
    public string? Size { get; init; }

    /// <summary>Only CPU keys of this architecture, e.g. <c>x86_64</c>.</summary>
    public string? Architecture { get; init; }

    /// <summary>Only CPU keys with this virtualisation: <c>none</c> for bare metal, else the hypervisor.</summary>
    public string? Virtualisation { get; init; }
}

public sealed class RuntimeParametersValidator : AbstractValidator<RuntimeParameters>
{
    public RuntimeParametersValidator()
    {
        RuleFor(p => p.Size).Size();
        RuleFor(p => p.Architecture).KeySegment();
        RuleFor(p => p.Virtualisation).KeySegment();
    }
}
