using System.Text;
using NearNative.Domain.Signing;
using NSec.Cryptography;

namespace NearNative.Domain.Tests.Signing;

public sealed class SigningTests
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("""{"schema":"nearnative.result/1"}""");

    [Fact]
    public void SignedDocumentVerifiesWithItsPublicKey()
    {
        using var key = Ed25519Keys.Create();

        var envelope = EnvelopeSigner.Sign(key, Document);

        Assert.Equal(Document, Convert.FromBase64String(envelope.Document));
        Assert.True(Ed25519Keys.VerifyResult(Ed25519Keys.RawPublicKey(key), Document, Convert.FromBase64String(envelope.Signature)));
    }

    [Fact]
    public void AnyFlippedBitOfTheDocumentBreaksTheSignature()
    {
        using var key = Ed25519Keys.Create();
        var signature = Ed25519Keys.SignResult(key, Document);

        for (var i = 0; i < Document.Length * 8; i++)
        {
            var tampered = (byte[])Document.Clone();
            tampered[i / 8] ^= (byte)(1 << (i % 8));
            Assert.False(Ed25519Keys.VerifyResult(Ed25519Keys.RawPublicKey(key), tampered, signature));
        }
    }

    [Fact]
    public void AnotherKeysSignatureDoesNotVerify()
    {
        using var signer = Ed25519Keys.Create();
        using var other = Ed25519Keys.Create();

        Assert.False(Ed25519Keys.VerifyResult(Ed25519Keys.RawPublicKey(other), Document, Ed25519Keys.SignResult(signer, Document)));
    }

    [Fact]
    public void ASignatureMadeForOnePurposeDoesNotVerifyForAnother()
    {
        using var key = Ed25519Keys.Create();
        var publicKey = Ed25519Keys.RawPublicKey(key);

        // A key-registration proof signs the public key; it must not pass as a signature over a document
        // whose bytes happen to equal that public key.
        var proof = Ed25519Keys.SignKeyRegistration(key);

        Assert.True(Ed25519Keys.VerifyKeyRegistration(publicKey, proof));
        Assert.False(Ed25519Keys.VerifyResult(publicKey, publicKey, proof));
    }

    [Fact]
    public void ARevocationProofMadeBeforeRevocationJoinedTheSigningContextsStillVerifies()
    {
        // RFC 8032's first test key; the proof is what the former KeyRevocation.Sign made with it. Ed25519 is
        // deterministic, so signing the same message again gives the same bytes.
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"), KeyBlobFormat.RawPrivateKey);
        var publicKey = Convert.FromHexString("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        var proof = Convert.FromHexString(
            "ca193bd8cdbc0ab2c04cf3910103c422aeab6ed277f327a72cdede12ad27c8fd657e614da06cb402c585aefc4d7388d9402849c44cc7f02f0125a051a44e020f");

        Assert.Equal(publicKey, Ed25519Keys.RawPublicKey(key));
        Assert.True(Ed25519Keys.VerifyKeyRevocation(publicKey, proof));
        Assert.Equal(proof, Ed25519Keys.SignKeyRevocation(key));
        Assert.Equal([.. Encoding.ASCII.GetBytes("nearnative/key-revocation/v1"), 0, .. publicKey], SigningContext.KeyRevocationMessage(publicKey));
    }

    [Fact]
    public void RegistrationAndRevocationProofsAreNotInterchangeable()
    {
        using var key = Ed25519Keys.Create();
        var publicKey = Ed25519Keys.RawPublicKey(key);

        Assert.True(Ed25519Keys.VerifyKeyRevocation(publicKey, Ed25519Keys.SignKeyRevocation(key)));
        Assert.False(Ed25519Keys.VerifyKeyRevocation(publicKey, Ed25519Keys.SignKeyRegistration(key)));
        Assert.False(Ed25519Keys.VerifyKeyRegistration(publicKey, Ed25519Keys.SignKeyRevocation(key)));
    }

    [Fact]
    public void ARegistrationWithoutANameSignsTheMessageAgentsSignedBeforeNamesExisted()
    {
        using var key = Ed25519Keys.Create();
        var publicKey = Ed25519Keys.RawPublicKey(key);

        Assert.Equal([.. Encoding.ASCII.GetBytes("nearnative/key-registration/v1"), 0, .. publicKey], SigningContext.KeyRegistrationMessage(publicKey));
        Assert.Equal(SigningContext.KeyRegistrationMessage(publicKey), SigningContext.KeyRegistrationMessage(publicKey, ""));
    }

    [Fact]
    public void TheRegistrationProofCoversTheDisplayName()
    {
        using var key = Ed25519Keys.Create();
        var request = KeyRegistrationRequest.For(key, "Ada's laptop");
        var publicKey = Convert.FromBase64String(request.PublicKey!);
        var proof = Convert.FromBase64String(request.Proof!);

        Assert.Equal(Ed25519Keys.RawPublicKey(key), publicKey);
        Assert.Equal("Ada's laptop", request.DisplayName);
        Assert.True(Ed25519Keys.VerifyKeyRegistration(publicKey, proof, "Ada's laptop"));
        Assert.False(Ed25519Keys.VerifyKeyRegistration(publicKey, proof, "Mallory"));
        Assert.False(Ed25519Keys.VerifyKeyRegistration(publicKey, proof));
    }

    [Fact]
    public void BothKeysSignTheSameRotationMessageAndNeitherSignatureServesAnotherPurpose()
    {
        using var oldKey = Ed25519Keys.Create();
        using var newKey = Ed25519Keys.Create();
        var oldPublic = Ed25519Keys.RawPublicKey(oldKey);
        var newPublic = Ed25519Keys.RawPublicKey(newKey);

        var request = KeyRotationRequest.For(oldKey, newKey);
        var announcement = Convert.FromBase64String(request.OldKeySignature!);
        var possession = Convert.FromBase64String(request.NewKeySignature!);

        Assert.Equal([.. Encoding.ASCII.GetBytes("nearnative/key-rotation/v1"), 0, .. oldPublic, .. newPublic], SigningContext.KeyRotationMessage(oldPublic, newPublic));
        Assert.Equal(newPublic, Convert.FromBase64String(request.NewPublicKey!));
        Assert.True(Ed25519Keys.VerifyKeyRotation(oldPublic, oldPublic, newPublic, announcement));
        Assert.True(Ed25519Keys.VerifyKeyRotation(newPublic, oldPublic, newPublic, possession));

        // Swapping the signatures, reversing the hand-over, or reading one as a registration or revocation fails.
        Assert.False(Ed25519Keys.VerifyKeyRotation(oldPublic, oldPublic, newPublic, possession));
        Assert.False(Ed25519Keys.VerifyKeyRotation(oldPublic, newPublic, oldPublic, announcement));
        Assert.False(Ed25519Keys.VerifyKeyRegistration(newPublic, possession));
        Assert.False(Ed25519Keys.VerifyKeyRevocation(oldPublic, announcement));
    }

    [Fact]
    public void MessagesStartWithTheirContextAndAZeroByte()
    {
        var message = SigningContext.ResultMessage([1, 2, 3]);

        Assert.Equal([.. Encoding.ASCII.GetBytes("nearnative/result/v1"), 0, 1, 2, 3], message);
    }

    [Theory]
    [InlineData(31, 64)]
    [InlineData(32, 63)]
    [InlineData(33, 64)]
    public void MalformedKeysOrSignaturesAreRejectedWithoutThrowing(int keyLength, int signatureLength) =>
        Assert.False(Ed25519Keys.VerifyResult(new byte[keyLength], Document, new byte[signatureLength]));

    [Fact]
    public void PrivateKeySurvivesExportAndImport()
    {
        using var key = Ed25519Keys.Create();
        var pem = Ed25519Keys.ExportPrivate(key);

        using var imported = Ed25519Keys.ImportPrivate(pem);

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", Encoding.ASCII.GetString(pem), StringComparison.Ordinal);
        Assert.Equal(Ed25519Keys.KeyIdOf(key), Ed25519Keys.KeyIdOf(imported));
        Assert.True(Ed25519Keys.VerifyResult(Ed25519Keys.RawPublicKey(key), Document, Ed25519Keys.SignResult(imported, Document)));
    }

    [Fact]
    public void GarbageIsNotAPrivateKey() =>
        Assert.Throws<FormatException>(() => Ed25519Keys.ImportPrivate(Encoding.ASCII.GetBytes("not a key")));

    [Fact]
    public void KeyIdIsTheHexOfTheFirstHalfOfTheKeysSha256()
    {
        // SHA-256 of 32 zero bytes is 66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925.
        Assert.Equal("66687aadf862bd776c8fc18b8e9f8e20", KeyId.For(new byte[32]));
        Assert.True(KeyId.IsWellFormed("66687aadf862bd776c8fc18b8e9f8e20"));
        Assert.False(KeyId.IsWellFormed("66687AADF862BD776C8FC18B8E9F8E20"));
        Assert.False(KeyId.IsWellFormed("66687aadf862bd77"));
    }
}
