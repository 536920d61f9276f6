using System.Security.Cryptography;
using NearNative.Domain.Results;
using NearNative.Domain.Signing;
using NSec.Cryptography;

namespace NearNative.Agent.Submission;

/// <summary>
/// Fixes the bytes that get signed. <c>run</c> writes the nonce, which names the run for good; signing sets the
/// key id (the key may have been created after the run) and the creation time, because the server accepts a
/// document only for a while after it was signed. Sending the same file again therefore signs new bytes with
/// the same nonce, and the server answers with the submission it already stored for that nonce.
/// </summary>
public static class DocumentSealer
{
    /// <summary>Key id of a document written before any key existed; <c>submit</c> fills it in.</summary>
    public const string NoKeyId = "";

    public const int NonceBytes = 16;

    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(NonceBytes));

    public static byte[] Seal(ResultDocument document, string keyId, DateTimeOffset signedAt) =>
        ResultJson.Serialize(document with { KeyId = keyId, CreatedAt = signedAt });

    public static SignedEnvelope Sign(ResultDocument document, Key key, DateTimeOffset signedAt) =>
        EnvelopeSigner.Sign(key, Seal(document, Ed25519Keys.KeyIdOf(key), signedAt));
}
