using NearNative.Domain.Statistics;

namespace NearNative.Domain.Tests.Statistics;

public sealed class SplitMix64Tests
{
    [Fact]
    public void MatchesTheReferenceImplementation()
    {
        // Values printed by the reference C code of Steele, Lea and Flood.
        var zero = new SplitMix64(0);
        Assert.Equal(0xE220A8397B1DCDAFUL, zero.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, zero.Next());
        Assert.Equal(0xBDD732262FEB6E95UL, new SplitMix64(42).Next());
    }

    [Fact]
    public void BoundedDrawsStayInRangeAndCoverIt()
    {
        var rng = new SplitMix64(7);
        var seen = new int[5];
        for (var i = 0; i < 5000; i++)
        {
            seen[rng.NextInt(5)]++;
        }

        Assert.All(seen, count => Assert.InRange(count, 850, 1150));
    }
}
