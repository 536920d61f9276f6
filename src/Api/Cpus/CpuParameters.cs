using FluentValidation;
using NearNative.Api.Infrastructure;

namespace NearNative.Api.Cpus;

/// <summary>The query string of <c>GET /api/v1/cpus</c> and <c>GET /api/v1/cpus/{key}</c>.</summary>
public sealed record CpuParameters
{
    /// <summary>Suite id; default the newest suite the server knows.</summary>
    public string? Suite { get; init; }

    /// <summary><c>quick</c> or <c>full</c>; default both.</summary>
    public string? Size { get; init; }
}

public sealed class CpuParametersValidator : AbstractValidator<CpuParameters>
{
    public CpuParametersValidator() => RuleFor(p => p.Size).Size();
}
