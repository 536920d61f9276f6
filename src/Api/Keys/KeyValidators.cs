using FluentValidation;
using NearNative.Api.Infrastructure;
using NearNative.Domain.Signing;

namespace NearNative.Api.Keys;

public sealed class RegisterKeyRequestValidator : AbstractValidator<RegisterKeyRequest>
{
    public RegisterKeyRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.PublicKey).NotEmpty().Must(k => Base64.DecodesTo(k, Ed25519Keys.PublicKeyLength))
            .WithMessage($"Must be base64 of a raw {Ed25519Keys.PublicKeyLength}-byte Ed25519 public key.");
        RuleFor(r => r.Proof).NotEmpty().Must(p => Base64.DecodesTo(p, Ed25519Keys.SignatureLength))
            .WithMessage($"Must be base64 of a {Ed25519Keys.SignatureLength}-byte Ed25519 signature.");
    }
}

public sealed class RevokeKeyRequestValidator : AbstractValidator<RevokeKeyRequest>
{
    public RevokeKeyRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Proof).NotEmpty().Must(p => Base64.DecodesTo(p, Ed25519Keys.SignatureLength))
            .WithMessage($"Must be base64 of a {Ed25519Keys.SignatureLength}-byte Ed25519 signature.");
    }
}
