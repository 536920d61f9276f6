namespace NearNative.Api.Keys;

/// <param name="Proof">Base64 Ed25519 signature over the key-revocation message.</param>
public sealed record RevokeKeyRequest(string? Proof);

/// <param name="PublicKey">Base64 of the raw 32-byte Ed25519 public key; anyone can verify the key's submissions with it.</param>
/// <param name="DisplayName">The name the key's holder chose and signed, as plain text; null when none was given.</param>
/// <param name="ContributorId">The contributor the key signs for: the id of the contributor's first key, carried over to every key that replaced it by rotation.</param>
/// <param name="RetiredAt">When a rotation replaced this key; from then on it signs no new submissions.</param>
/// <param name="ReplacedBy">Id of the key that replaced this one.</param>
public sealed record KeyResponse(
    string KeyId,
    string PublicKey,
    string? DisplayName,
    string ContributorId,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? RetiredAt,
    string? ReplacedBy);
