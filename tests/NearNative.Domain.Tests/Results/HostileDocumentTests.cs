using System.Text.Json;
using CsCheck;
using NearNative.Domain.Results;
using NearNative.Domain.Signing;
using NearNative.Tests.Hostile;
using Xunit.Abstractions;

namespace NearNative.Domain.Tests.Results;

/// <summary>
/// The document parser and the signature check on hostile bytes: a parse either yields a document or throws a
/// <see cref="JsonException"/> (which the API answers as a 400), never anything else; only the exact signed bytes verify.
/// </summary>
public sealed class HostileDocumentTests(ITestOutputHelper output)
{
    private static readonly byte[] Valid = ResultJson.Serialize(
        TestDocuments.With([TestDocuments.Runtime("native"), TestDocuments.Runtime("wasmtime")],
            TestDocuments.Native(2).Concat(TestDocuments.Scaled("wasmtime", 2, 1.1))));

    [Fact]
    public void AMutatedDocumentParsesOrIsRefusedAsJson()
    {
        var iterations = HostileJson.Iterations(20_000);

        HostileJson.Mutations(Valid).Sample(ParsesOrIsRefused, iter: iterations, threads: 1);

        output.WriteLine($"{iterations} mutated documents parsed");
    }

    [Fact]
    public void EveryHostileValueInEveryPlaceParsesOrIsRefusedAsJson()
    {
        var spans = HostileJson.ValueSpans(Valid);
        Assert.True(spans.Count > 50, "the document has too few values to say much");

        var tried = 0;
        foreach (var span in spans)
        {
            foreach (var value in HostileJson.Values)
            {
                ParsesOrIsRefused(HostileJson.Replace(Valid, span, value));
                tried++;
            }
        }

        output.WriteLine($"{tried} documents with one hostile value parsed");
    }

    [Fact]
    public void OnlyTheExactSignedBytesVerify()
    {
        using var key = Ed25519Keys.Create();
        var publicKey = Ed25519Keys.RawPublicKey(key);
        var signature = Ed25519Keys.SignResult(key, Valid);
        Assert.True(Ed25519Keys.VerifyResult(publicKey, Valid, signature));

        HostileJson.Mutations(Valid).Where(bytes => !bytes.AsSpan().SequenceEqual(Valid))
            .Sample(bytes => !Ed25519Keys.VerifyResult(publicKey, bytes, signature), iter: HostileJson.Iterations(2_000), threads: 1);
    }

    [Fact]
    public void ASignatureOrKeyOfAnyLengthIsRefusedWithoutAnException()
    {
        using var key = Ed25519Keys.Create();
        var publicKey = Ed25519Keys.RawPublicKey(key);

        Gen.Select(Gen.Byte.Array[0, 100], Gen.Byte.Array[0, 100]).Sample(
            (signature, otherKey) => !Ed25519Keys.VerifyResult(publicKey, Valid, signature) && !Ed25519Keys.VerifyResult(otherKey, Valid, signature),
            iter: HostileJson.Iterations(2_000),
            threads: 1);
    }

    private static void ParsesOrIsRefused(byte[] bytes)
    {
        ResultDocument document;
        try
        {
            document = ResultJson.Deserialize(bytes);
        }
        catch (JsonException)
        {
            return;
        }

        // What parses is a document like any other: written again, it reads back to the same bytes.
        var written = ResultJson.Serialize(document);
        Assert.Equal(written, ResultJson.Serialize(ResultJson.Deserialize(written)));
    }
}
