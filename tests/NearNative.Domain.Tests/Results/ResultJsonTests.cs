using System.Text;
using System.Text.Json;
using NearNative.Domain.Results;

namespace NearNative.Domain.Tests.Results;

public sealed class ResultJsonTests
{
    private static ResultDocument Sample() =>
        TestDocuments.With([TestDocuments.Runtime("native"), TestDocuments.Runtime("wasmtime")],
            TestDocuments.Native(3).Concat(TestDocuments.Scaled("wasmtime", 3, 1.1)));

    [Fact]
    public void DocumentSurvivesARoundTrip()
    {
        var document = Sample();

        var copy = ResultJson.Deserialize(ResultJson.Serialize(document));

        Assert.Equal(ResultJson.Serialize(document), ResultJson.Serialize(copy));
        Assert.Equal(document.Samples, copy.Samples);
    }

    [Fact]
    public void EnumsAreWrittenAsKebabCaseWords()
    {
        var document = Sample() with
        {
            Samples = [new Sample(0, "fib", "native", SampleStage.Warmup, SampleOutcome.ChecksumMismatch, 1, 2, null, "00")],
        };

        var json = Encoding.UTF8.GetString(ResultJson.Serialize(document));

        Assert.Contains("\"stage\":\"warmup\"", json, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"checksum-mismatch\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kernelNs\":1", json, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFieldsAreRefused()
    {
        var json = Encoding.UTF8.GetString(ResultJson.Serialize(Sample())).Replace("\"schema\":", "\"ratio\":1.0,\"schema\":", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => ResultJson.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("\"schema\":", "\"nonce\":\"0123456789abcdef0123\",\"schema\":")]
    [InlineData("\"schema\":", "\"Nonce\":\"0123456789abcdef0123\",\"schema\":")]
    [InlineData("\"settings\":{}", "\"settings\":{\"opt\":\"1\",\"opt\":\"2\"}")]
    [InlineData("\"machine\":{", "\"machine\":{\"machineId\":\"0\",")]
    public void DuplicatePropertiesAreRefusedAtAnyDepth(string at, string withDuplicate)
    {
        var json = Encoding.UTF8.GetString(ResultJson.Serialize(Sample()));
        Assert.Contains(at, json, StringComparison.Ordinal);
        var index = json.IndexOf(at, StringComparison.Ordinal);
        var duplicated = json[..index] + withDuplicate + json[(index + at.Length)..];

        var error = Assert.Throws<JsonException>(() => ResultJson.Deserialize(Encoding.UTF8.GetBytes(duplicated)));
        Assert.Contains("Duplicate", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e309")]
    [InlineData("-1e309")]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"0.5\"")]
    public void ANumberThatIsNotAFiniteNumberIsRefused(string loadBefore)
    {
        var json = Encoding.UTF8.GetString(ResultJson.Serialize(Sample()));
        var changed = json.Replace("\"loadBefore\":0.1", $"\"loadBefore\":{loadBefore}", StringComparison.Ordinal);
        Assert.NotEqual(json, changed);

        Assert.Throws<JsonException>(() => ResultJson.Deserialize(Encoding.UTF8.GetBytes(changed)));
    }

    [Fact]
    public void MissingRequiredFieldsAreRefused()
    {
        var json = Encoding.UTF8.GetString(ResultJson.Serialize(Sample())).Replace("\"keyId\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",", "", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => ResultJson.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void NumbersForEnumsAreRefused()
    {
        var json = Encoding.UTF8.GetString(ResultJson.Serialize(Sample())).Replace("\"stage\":\"measured\"", "\"stage\":0", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => ResultJson.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void WorkloadsAreNamedOnlyForARuntimeThatRanSomeOfThem()
    {
        var document = Sample() with
        {
            Skipped = [new SkippedRuntime("node", "node is not on PATH"), new SkippedRuntime("jsc", "file I/O", ["filerw", "smallfiles"])],
        };

        var bytes = ResultJson.Serialize(document);
        var json = Encoding.UTF8.GetString(bytes);
        var copy = ResultJson.Deserialize(bytes);

        Assert.Contains("{\"name\":\"node\",\"reason\":\"node is not on PATH\"}", json, StringComparison.Ordinal);
        Assert.Contains("{\"name\":\"jsc\",\"reason\":\"file I/O\",\"workloads\":[\"filerw\",\"smallfiles\"]}", json, StringComparison.Ordinal);
        Assert.Null(copy.Skipped[0].Workloads);
        Assert.Equal(["filerw", "smallfiles"], copy.Skipped[1].Workloads!);
    }

    [Fact]
    public void InstanceStartsSurviveARoundTrip()
    {
        var document = Sample() with
        {
            InstanceStarts =
            [
                new InstanceStart("wasmtime", InstanceStart.InHost, [19_000, 21_000], [40_000], 1000, 10_000_000, 35_000_000),
                InstanceStart.Unavailable("native", InstanceStart.Namespaced, "unshare: Operation not permitted"),
            ],
        };

        var copy = ResultJson.Deserialize(ResultJson.Serialize(document));

        Assert.Equal(ResultJson.Serialize(document), ResultJson.Serialize(copy));
        Assert.Equal([19_000L, 21_000L], copy.InstanceStarts[0].StartNs);
        Assert.Equal("unshare: Operation not permitted", copy.InstanceStarts[1].UnavailableReason);
    }

    [Fact]
    public void ADocumentWrittenBeforeInstanceStartsParsesWithNone()
    {
        var json = Encoding.UTF8.GetString(ResultJson.Serialize(Sample()));
        var older = json.Replace(",\"instanceStarts\":[]", "", StringComparison.Ordinal);

        var document = ResultJson.Deserialize(Encoding.UTF8.GetBytes(older));

        Assert.NotEqual(json, older);
        Assert.Empty(document.InstanceStarts);
    }
}
