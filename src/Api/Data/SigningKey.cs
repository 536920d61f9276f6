namespace NearNative.Api.Data;

/// <summary>A contributor's registered Ed25519 public key, with which the contributor signs result documents.</summary>
public sealed class SigningKey
{
    public required string KeyId { get; init; }

    public required byte[] PublicKey { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>When the key stopped being accepted, by its owner or by an administrator.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Plain text the key's holder chose and signed; untrusted, so escaped wherever it is shown.</summary>
    public string? DisplayName { get; set; }

    /// <summary>
    /// The contributor the key signs for: the key's own id when it was registered, the replaced key's
    /// contributor when it came in by rotation, so every key a contributor rotates through stays one contributor.
    /// </summary>
    public required string ContributorId { get; init; }

    /// <summary>When a rotation handed this key's place to <see cref="ReplacedBy"/>; a retired key signs no new submissions.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    public string? ReplacedBy { get; set; }
}
