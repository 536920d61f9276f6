using System.Text;
using NSec.Cryptography;

namespace NearNative.Domain.Signing;

/// <summary>
/// Proof that the holder of a private key wants it revoked: an Ed25519 signature over a domain-separated
/// message (the revocation context, a zero byte, the raw public key). Revocation is final, so one proof
/// may be sent any number of times.
/// </summary>
public static class KeyRevocation
{
    public const string Context = "nearnative/key-revocation/v1";

    public static byte[] Message(ReadOnlySpan<byte> rawPublicKey)
    {
        var prefix = Encoding.ASCII.GetBytes(Context);
        var message = new byte[prefix.Length + 1 + rawPublicKey.Length];
        prefix.CopyTo(message, 0);
        rawPublicKey.CopyTo(message.AsSpan(prefix.Length + 1));
        return message;
    }

    public static byte[] Sign(Key key) =>
        SignatureAlgorithm.Ed25519.Sign(key, Message(Ed25519Keys.RawPublicKey(key)));

    public static bool Verify(ReadOnlySpan<byte> rawPublicKey, ReadOnlySpan<byte> signature)
    {
        if (rawPublicKey.Length != Ed25519Keys.PublicKeyLength || signature.Length != Ed25519Keys.SignatureLength)
        {
            return false;
        }

        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, rawPublicKey, KeyBlobFormat.RawPublicKey, out var publicKey) || publicKey is null)
        {
            return false;
        }

        return SignatureAlgorithm.Ed25519.Verify(publicKey, Message(rawPublicKey), signature);
    }
}
