using NearNative.Agent.Machine;

namespace NearNative.Agent.Tests.Machine;

public sealed class OsTextTests
{
    [Fact]
    public void TheDistributionIsThePrettyNameUnquoted()
    {
        const string OsRelease = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\n";

        Assert.Equal("Debian GNU/Linux 12 (bookworm)", OsText.Distribution(OsRelease));
        Assert.Equal("Alpine Linux", OsText.Distribution("NAME=\"Alpine Linux\"\n"));
        Assert.Equal("unknown", OsText.Distribution(null));
    }

    [Fact]
    public void MemoryIsMemTotalInBytes()
    {
        Assert.Equal(24683656L * 1024, OsText.MemoryBytes("MemTotal:       24683656 kB\nMemFree:  1 kB\n"));
        Assert.Equal(0, OsText.MemoryBytes("nothing here"));
    }
}
