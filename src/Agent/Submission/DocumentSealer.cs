using System.Security.Cryptography;
using NearNative.Domain.Results;
using NearNative.Domain.Signing;
using NSec.Cryptography;

namespace NearNative.Agent.Submission;

/// <summary>
/// Fixes the bytes that get signed. <c>run</c> already writes nonce and creation time, so sending the same
/// file twice signs the same bytes and the server stores it once; only the key id is set here, because the
/// key may have been created after the run.
/// </summary>
public static class DocumentSealer
{
    /// <summary>Key id of a document written before any key existed; <c>submit</c> fills it in.</summary>
    public const string NoKeyId = "";

    public const int NonceBytes = 16;

    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(NonceBytes));

    public static byte[] Seal(ResultDocument document, string keyId) =>
        ResultJson.Serialize(document with { KeyId = keyId });

    public static SignedEnvelope Sign(ResultDocument document, Key key) =>
        EnvelopeSigner.Sign(key, Seal(document, Ed25519Keys.KeyIdOf(key)));
}
