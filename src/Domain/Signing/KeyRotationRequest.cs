using NSec.Cryptography;

namespace NearNative.Domain.Signing;

/// <summary>
/// Hands a registered key's place over to a new key: the old key announces the new one, and the new key proves
/// it is held by the same person. Both sign <see cref="SigningContext.KeyRotationMessage"/>. Sent to the old
/// key's <c>rotate</c> endpoint.
/// </summary>
/// <param name="NewPublicKey">Base64 of the new raw 32-byte Ed25519 public key.</param>
/// <param name="OldKeySignature">Base64 signature of the rotation message by the key being retired.</param>
/// <param name="NewKeySignature">Base64 signature of the same message by the new key (proof of possession).</param>
public sealed record KeyRotationRequest(string? NewPublicKey, string? OldKeySignature, string? NewKeySignature)
{
    public static KeyRotationRequest For(Key oldKey, Key newKey)
    {
        var oldPublicKey = Ed25519Keys.RawPublicKey(oldKey);
        var newPublicKey = Ed25519Keys.RawPublicKey(newKey);
        return new(
            Convert.ToBase64String(newPublicKey),
            Convert.ToBase64String(Ed25519Keys.SignKeyRotation(oldKey, oldPublicKey, newPublicKey)),
            Convert.ToBase64String(Ed25519Keys.SignKeyRotation(newKey, oldPublicKey, newPublicKey)));
    }
}
