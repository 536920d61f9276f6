using System.Security.Cryptography;

namespace NearNative.Domain.Signing;

/// <summary>A key's id: the first 16 bytes of SHA-256 of its raw 32-byte public key, as lowercase hex.</summary>
public static class KeyId
{
    public const int Length = 32;

    public static string For(ReadOnlySpan<byte> rawPublicKey)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(rawPublicKey, hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    public static bool IsWellFormed(string? value) =>
        value is { Length: Length } && value.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
}
