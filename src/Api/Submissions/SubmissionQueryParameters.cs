using FluentValidation;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Domain.Signing;

namespace NearNative.Api.Submissions;

/// <summary>The query string of <c>GET /api/v1/submissions</c>.</summary>
public sealed record SubmissionListParameters
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The query names this endpoint reads; the output cache varies by these and ignores any other.</summary>
    public static readonly string[] QueryNames = ["cursor", "limit", "runtime", "cpu", "keyId", "status", "format"];

    /// <summary>Opaque position from a previous page's <c>nextCursor</c>; absent for the first page.</summary>
    public string? Cursor { get; init; }

    /// <summary>Submissions per page, 1 to 200; default 50.</summary>
    public string? Limit { get; init; }

    /// <summary>Only submissions that measured this runtime slug, e.g. <c>wasmtime</c>.</summary>
    public string? Runtime { get; init; }

    /// <summary>Only submissions from this CPU key (see <c>GET /api/v1/cpus</c>).</summary>
    public string? Cpu { get; init; }

    /// <summary>Only submissions signed by this key id (32 lowercase hex digits).</summary>
    public string? KeyId { get; init; }

    /// <summary>Only <c>accepted</c> or only <c>quarantined</c> submissions.</summary>
    public string? Status { get; init; }

    /// <summary><c>json</c> (default) or <c>csv</c>; overrides the <c>Accept</c> header.</summary>
    public string? Format { get; init; }

    public int PageSize => Limit is { } limit && QueryRules.TryParseInteger(limit, out var value) ? value : DefaultLimit;
}

public sealed class SubmissionListParametersValidator : AbstractValidator<SubmissionListParameters>
{
    public SubmissionListParametersValidator()
    {
        RuleFor(p => p.Cursor).Must(c => c is null || SubmissionCursor.TryDecode(c) is not null)
            .WithMessage("Must be a nextCursor value from a previous page, passed back unchanged.");
        RuleFor(p => p.Limit).IntegerBetween(1, SubmissionListParameters.MaxLimit);
        RuleFor(p => p.Runtime).Slug();
        RuleFor(p => p.Cpu).CpuKey();
        RuleFor(p => p.KeyId).Must(k => k is null || KeyId.IsWellFormed(k))
            .WithMessage($"Must be a key id: {KeyId.Length} lowercase hex digits.");
        RuleFor(p => p.Status).Must(s => s is null or SubmissionStatus.Accepted or SubmissionStatus.Quarantined)
            .WithMessage($"Must be '{SubmissionStatus.Accepted}' or '{SubmissionStatus.Quarantined}'.");
        RuleFor(p => p.Format).DataFormat();
    }
}

/// <summary>The query string of <c>GET /api/v1/submissions/{id}/samples</c>.</summary>
public sealed record SampleParameters
{
    public static readonly string[] QueryNames = ["format"];

    /// <summary><c>json</c> (default) or <c>csv</c>; overrides the <c>Accept</c> header.</summary>
    public string? Format { get; init; }
}

public sealed class SampleParametersValidator : AbstractValidator<SampleParameters>
{
    public SampleParametersValidator() => RuleFor(p => p.Format).DataFormat();
}
