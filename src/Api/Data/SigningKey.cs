namespace NearNative.Api.Data;

/// <summary>A contributor's registered Ed25519 public key, with which the contributor signs result documents.</summary>
public sealed class SigningKey
{
    public required string KeyId { get; init; }

    public required byte[] PublicKey { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>When the key stopped being accepted, by its owner or by an administrator.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
