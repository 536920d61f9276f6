using NSec.Cryptography;

namespace NearNative.Domain.Signing;

/// <summary>Ed25519 signing and verification through NSec (libsodium); .NET has no built-in Ed25519.</summary>
public static class Ed25519Keys
{
    public const int PublicKeyLength = 32;
    public const int SignatureLength = 64;

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    public static Key Create() =>
        Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    /// <summary>PEM-armoured PKCS#8, the format of the private key file.</summary>
    public static byte[] ExportPrivate(Key key) => key.Export(KeyBlobFormat.PkixPrivateKeyText);

    /// <exception cref="FormatException">The text is not an Ed25519 private key.</exception>
    public static Key ImportPrivate(ReadOnlySpan<byte> pem)
    {
        if (!Key.TryImport(Algorithm, pem, KeyBlobFormat.PkixPrivateKeyText, out var key,
                new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport }) || key is null)
        {
            throw new FormatException("not an Ed25519 private key in PKCS#8 PEM form");
        }

        return key;
    }

    public static byte[] RawPublicKey(Key key) => key.PublicKey.Export(KeyBlobFormat.RawPublicKey);

    public static string KeyIdOf(Key key) => KeyId.For(RawPublicKey(key));

    public static byte[] SignResult(Key key, ReadOnlySpan<byte> documentBytes) =>
        Algorithm.Sign(key, SigningContext.ResultMessage(documentBytes));

    public static byte[] SignKeyRegistration(Key key, string? displayName = null) =>
        Algorithm.Sign(key, SigningContext.KeyRegistrationMessage(RawPublicKey(key), displayName));

    public static byte[] SignKeyRevocation(Key key) =>
        Algorithm.Sign(key, SigningContext.KeyRevocationMessage(RawPublicKey(key)));

    /// <summary>Signs the hand-over from <paramref name="oldPublicKey"/> to <paramref name="newPublicKey"/>; both keys sign it.</summary>
    public static byte[] SignKeyRotation(Key signer, ReadOnlySpan<byte> oldPublicKey, ReadOnlySpan<byte> newPublicKey) =>
        Algorithm.Sign(signer, SigningContext.KeyRotationMessage(oldPublicKey, newPublicKey));

    public static bool VerifyResult(ReadOnlySpan<byte> rawPublicKey, ReadOnlySpan<byte> documentBytes, ReadOnlySpan<byte> signature) =>
        Verify(rawPublicKey, SigningContext.ResultMessage(documentBytes), signature);

    public static bool VerifyKeyRegistration(ReadOnlySpan<byte> rawPublicKey, ReadOnlySpan<byte> signature, string? displayName = null) =>
        Verify(rawPublicKey, SigningContext.KeyRegistrationMessage(rawPublicKey, displayName), signature);

    public static bool VerifyKeyRevocation(ReadOnlySpan<byte> rawPublicKey, ReadOnlySpan<byte> signature) =>
        Verify(rawPublicKey, SigningContext.KeyRevocationMessage(rawPublicKey), signature);

    /// <summary>True when <paramref name="signerPublicKey"/> (the old key or the new one) signed the hand-over.</summary>
    public static bool VerifyKeyRotation(
        ReadOnlySpan<byte> signerPublicKey, ReadOnlySpan<byte> oldPublicKey, ReadOnlySpan<byte> newPublicKey, ReadOnlySpan<byte> signature) =>
        Verify(signerPublicKey, SigningContext.KeyRotationMessage(oldPublicKey, newPublicKey), signature);

    private static bool Verify(ReadOnlySpan<byte> rawPublicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (rawPublicKey.Length != PublicKeyLength || signature.Length != SignatureLength)
        {
            return false;
        }

        // Rejects points not on the curve and small-order keys.
        if (!PublicKey.TryImport(Algorithm, rawPublicKey, KeyBlobFormat.RawPublicKey, out var publicKey) || publicKey is null)
        {
            return false;
        }

        return Algorithm.Verify(publicKey, message, signature);
    }
}
