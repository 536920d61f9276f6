using FluentValidation;
using NearNative.Api.Infrastructure;
using NearNative.Api.Submissions;
using NearNative.Domain.Signing;

namespace NearNative.Api.Keys;

public sealed class KeyRegistrationRequestValidator : AbstractValidator<KeyRegistrationRequest>
{
    public KeyRegistrationRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.PublicKey).PublicKey();
        RuleFor(r => r.Proof).Signature();
        RuleFor(r => r.DisplayName!)
            .SafeText(KeyRegistrationRequest.MaxDisplayNameLength)
            .Must(n => n.Trim() == n).WithMessage("Must not start or end with white space.")
            .When(r => r.DisplayName is not null);
    }
}

public sealed class KeyRotationRequestValidator : AbstractValidator<KeyRotationRequest>
{
    public KeyRotationRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.NewPublicKey).PublicKey();
        RuleFor(r => r.OldKeySignature).Signature();
        RuleFor(r => r.NewKeySignature).Signature();
    }
}

public sealed class RevokeKeyRequestValidator : AbstractValidator<RevokeKeyRequest>
{
    public RevokeKeyRequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(r => r.Proof).Signature();
    }
}

internal static class KeyRules
{
    public static IRuleBuilderOptions<T, string?> PublicKey<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(k => Base64.DecodesTo(k, Ed25519Keys.PublicKeyLength))
            .WithMessage($"Must be base64 of a raw {Ed25519Keys.PublicKeyLength}-byte Ed25519 public key.");

    public static IRuleBuilderOptions<T, string?> Signature<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().Must(p => Base64.DecodesTo(p, Ed25519Keys.SignatureLength))
            .WithMessage($"Must be base64 of a {Ed25519Keys.SignatureLength}-byte Ed25519 signature.");
}
