namespace NearNative.Api.Data;

/// <summary>A contributor's registered Ed25519 public key.</summary>
public sealed class ApiKey
{
    public required string KeyId { get; init; }

    public required byte[] PublicKey { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }
}
