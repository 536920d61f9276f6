using NSec.Cryptography;

namespace NearNative.Domain.Signing;

/// <summary>
/// Registers a contributor's public key with proof of possession. The agent builds it with <see cref="For"/>
/// and the API binds the same type, so the two cannot drift apart.
/// </summary>
/// <param name="PublicKey">Base64 of the raw 32-byte Ed25519 public key.</param>
/// <param name="Proof">Base64 Ed25519 signature by that key over the key-registration message, which covers the display name too.</param>
/// <param name="DisplayName">Optional name shown beside the key, at most <see cref="MaxDisplayNameLength"/> characters of plain text.</param>
public sealed record KeyRegistrationRequest(string? PublicKey, string? Proof, string? DisplayName = null)
{
    public const int MaxDisplayNameLength = 64;

    public static KeyRegistrationRequest For(Key key, string? displayName = null) => new(
        Convert.ToBase64String(Ed25519Keys.RawPublicKey(key)),
        Convert.ToBase64String(Ed25519Keys.SignKeyRegistration(key, displayName)),
        displayName);
}
