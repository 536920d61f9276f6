using FluentValidation;
using NearNative.Api.Submissions;
using NearNative.Domain.Cpu;
using NearNative.Domain.Suite;

namespace NearNative.Api.Administration;

public sealed class QuarantineRequestValidator : AbstractValidator<QuarantineRequest>
{
    public const int MaxReason = 400;

    public QuarantineRequestValidator() =>
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(MaxReason);
}

public sealed class RecomputeCellsRequestValidator : AbstractValidator<RecomputeCellsRequest>
{
    public RecomputeCellsRequestValidator()
    {
        RuleFor(r => r.Suite).NotEmpty().MaximumLength(DocumentLimits.MaxIdentifier);
        RuleFor(r => r.Size).NotEmpty().Must(s => s is null || SuiteManifest.IsKnownSize(s))
            .WithMessage($"Must be '{SuiteManifest.QuickSize}' or '{SuiteManifest.FullSize}'.");
        RuleFor(r => r.CpuKey).NotEmpty().MaximumLength(CpuKey.MaxLength);
        RuleFor(r => r.Runtime).NotEmpty().MaximumLength(DocumentLimits.MaxIdentifier);
    }
}
