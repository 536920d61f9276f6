using NSec.Cryptography;
using NearNative.Domain.Results;

namespace NearNative.Domain.Signing;

/// <summary>Builds the signed envelope for a result document: serialize once, sign those exact bytes.</summary>
public static class EnvelopeSigner
{
    public static SignedEnvelope Sign(Key key, ReadOnlySpan<byte> documentBytes) =>
        new(Convert.ToBase64String(documentBytes), Convert.ToBase64String(Ed25519Keys.SignResult(key, documentBytes)));

    public static SignedEnvelope Sign(Key key, ResultDocument document) => Sign(key, ResultJson.Serialize(document));
}
