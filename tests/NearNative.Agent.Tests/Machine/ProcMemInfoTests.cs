using NearNative.Agent.Machine;

namespace NearNative.Agent.Tests.Machine;

public sealed class ProcMemInfoTests
{
    [Fact]
    public void MemoryIsMemTotalInBytes()
    {
        Assert.Equal(24683656L * 1024, ProcMemInfo.TotalBytes("MemTotal:       24683656 kB\nMemFree:  1 kB\n"));
        Assert.Equal(0, ProcMemInfo.TotalBytes("nothing here"));
    }
}
