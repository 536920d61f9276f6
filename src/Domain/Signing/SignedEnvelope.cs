namespace NearNative.Domain.Signing;

/// <summary>
/// What travels on the wire: the exact bytes of a result document and a detached Ed25519 signature
/// over <see cref="SigningContext.ResultMessage"/> of those bytes. Both are base64.
/// </summary>
public sealed record SignedEnvelope(string Document, string Signature);
