using System.Text;

namespace NearNative.Domain.Signing;

/// <summary>
/// Domain separation: every signed message starts with a fixed context string naming its purpose,
/// so a signature made for one purpose can never be replayed as another.
/// </summary>
public static class SigningContext
{
    public const string Result = "nearnative/result/v1";
    public const string KeyRegistration = "nearnative/key-registration/v1";

    /// <summary>The holder of a key wants it revoked. Revocation is final, so one proof may be sent any number of times.</summary>
    public const string KeyRevocation = "nearnative/key-revocation/v1";

    /// <summary>The holder of a key hands over to a new key; both keys sign the same message.</summary>
    public const string KeyRotation = "nearnative/key-rotation/v1";

    public static byte[] ResultMessage(ReadOnlySpan<byte> documentBytes) => Message(Result, documentBytes);

    /// <summary>
    /// The public key, then the UTF-8 display name if there is one. The key has a fixed length, so the two
    /// cannot be confused, and without a name the message is the one agents signed before names existed.
    /// </summary>
    public static byte[] KeyRegistrationMessage(ReadOnlySpan<byte> publicKey, string? displayName = null) =>
        Message(KeyRegistration, [.. publicKey, .. Encoding.UTF8.GetBytes(displayName ?? "")]);

    /// <summary>The old public key, then the new one: each is 32 bytes, so the order alone says which is which.</summary>
    public static byte[] KeyRotationMessage(ReadOnlySpan<byte> oldPublicKey, ReadOnlySpan<byte> newPublicKey) =>
        Message(KeyRotation, [.. oldPublicKey, .. newPublicKey]);

    public static byte[] KeyRevocationMessage(ReadOnlySpan<byte> publicKey) => Message(KeyRevocation, publicKey);

    private static byte[] Message(string context, ReadOnlySpan<byte> payload)
    {
        // context, a zero byte that no context contains, then the payload.
        var prefix = Encoding.ASCII.GetBytes(context);
        var message = new byte[prefix.Length + 1 + payload.Length];
        prefix.CopyTo(message, 0);
        payload.CopyTo(message.AsSpan(prefix.Length + 1));
        return message;
    }
}
