using NearNative.Agent.Measurement;

namespace NearNative.Agent.Tests.Measurement;

public sealed class ByteSizeTextTests
{
    [Theory]
    [InlineData("4G", 4L << 30)]
    [InlineData("4GiB", 4L << 30)]
    [InlineData("512M", 512L << 20)]
    [InlineData("1048576", 1L << 20)]
    [InlineData("500MB", 500L << 20)]
    public void MemorySizesUseBinaryUnits(string text, long bytes)
    {
        Assert.True(ByteSizeText.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("-1G")]
    public void NonsenseIsNotASize(string text)
    {
        Assert.False(ByteSizeText.TryParse(text, out _));
    }

    [Theory]
    [InlineData(4L << 30, "4 GiB")]
    [InlineData(84_825_783_476, "79 GiB")]
    [InlineData(2_013_490_145, "1.9 GiB")]
    [InlineData(12_990_259, "12.4 MiB")]
    public void SizesAreShownInBinaryUnits(long bytes, string text)
    {
        Assert.Equal(text, ByteSizeText.Format(bytes));
    }
}
