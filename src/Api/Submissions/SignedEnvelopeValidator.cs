using FluentValidation;
using NearNative.Api.Infrastructure;
using NearNative.Domain.Signing;

namespace NearNative.Api.Submissions;

/// <summary>The envelope's shape only; what the document says is checked after its signature.</summary>
public sealed class SignedEnvelopeValidator : AbstractValidator<SignedEnvelope>
{
    public SignedEnvelopeValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(e => e.Document).NotEmpty().Must(Base64.IsValid)
            .WithMessage("Must be base64 of the exact UTF-8 JSON bytes of a result document.");
        RuleFor(e => e.Signature).NotEmpty().Must(s => Base64.DecodesTo(s, Ed25519Keys.SignatureLength))
            .WithMessage($"Must be base64 of a {Ed25519Keys.SignatureLength}-byte Ed25519 signature.");
    }
}
