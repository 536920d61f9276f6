using NearNative.Agent.Machine;

namespace NearNative.Agent.Tests.Machine;

public sealed class OsReleaseTests
{
    [Fact]
    public void TheDistributionIsThePrettyNameUnquoted()
    {
        const string OsReleaseFile = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\n";

        Assert.Equal("Debian GNU/Linux 12 (bookworm)", OsRelease.Distribution(OsReleaseFile));
        Assert.Equal("Alpine Linux", OsRelease.Distribution("NAME=\"Alpine Linux\"\n"));
        Assert.Equal("unknown", OsRelease.Distribution(null));
    }
}
