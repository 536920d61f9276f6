namespace NearNative.Api.Keys;

/// <param name="PublicKey">Base64 of the raw 32-byte Ed25519 public key.</param>
/// <param name="Proof">Base64 Ed25519 signature over the key-registration message (proof of possession).</param>
public sealed record RegisterKeyRequest(string? PublicKey, string? Proof);

/// <param name="Proof">Base64 Ed25519 signature over the key-revocation message.</param>
public sealed record RevokeKeyRequest(string? Proof);

public sealed record KeyResponse(string KeyId, string PublicKey, DateTimeOffset RegisteredAt, DateTimeOffset? RevokedAt);
