using CsCheck;
using NearNative.Domain.Statistics;

namespace NearNative.Domain.Tests.Statistics;

public sealed class MedianIntervalTests
{
    [Fact]
    public void TenValuesGiveTheSecondAndNinthOrderStatistics()
    {
        // P(B <= 1) = 11/1024 <= 0.025 < P(B <= 2) = 56/1024, so k = 2: [x(2), x(9)].
        var estimate = MedianInterval.Compute([7, 3, 10, 1, 5, 9, 2, 8, 4, 6]);

        Assert.Equal(5.5, estimate.Value);
        Assert.Equal(2, estimate.Lower);
        Assert.Equal(9, estimate.Upper);
        Assert.Equal(1 - (2 * 11.0 / 1024), estimate.Confidence, 12);
    }

    [Fact]
    public void TwentyValuesGiveTheSixthAndFifteenthOrderStatistics()
    {
        // Sum of C(20, i) for i = 0..5 is 21700; 21700 / 2^20 = 0.0207 <= 0.025 < 60460 / 2^20.
        var values = Enumerable.Range(1, 20).Select(i => (double)i).Reverse().ToArray();

        var estimate = MedianInterval.Compute(values);

        Assert.Equal(10.5, estimate.Value);
        Assert.Equal(6, estimate.Lower);
        Assert.Equal(15, estimate.Upper);
        Assert.Equal(1 - (2 * 21700.0 / 1048576), estimate.Confidence, 12);
    }

    [Fact]
    public void FiveValuesCannotReachNinetyFivePercentAndSaySo()
    {
        var estimate = MedianInterval.Compute([1.3, 1.1, 1.2, 1.5, 1.4]);

        Assert.Equal(1.3, estimate.Value);
        Assert.Equal(1.1, estimate.Lower);
        Assert.Equal(1.5, estimate.Upper);
        Assert.Equal(1 - (2 / 32.0), estimate.Confidence, 12);
    }

    [Theory]
    [InlineData(10, 1, 11.0 / 1024)]
    [InlineData(10, 2, 56.0 / 1024)]
    [InlineData(4, 4, 1.0)]
    [InlineData(4, -1, 0.0)]
    [InlineData(1, 0, 0.5)]
    public void BinomialTailMatchesHandCountedValues(int n, int k, double expected) =>
        Assert.Equal(expected, MedianInterval.BinomialHalfCdf(n, k), 12);

    [Fact]
    public void BinomialTailDoesNotUnderflowForLongRuns() =>
        Assert.Equal(0.5, MedianInterval.BinomialHalfCdf(2001, 1000), 6);

    [Fact]
    public void IntervalAlwaysBracketsTheMedian() =>
        Gen.Double[0.01, 100].Array[1, 200].Sample(values =>
        {
            var estimate = MedianInterval.Compute(values);
            return estimate.Lower <= estimate.Value && estimate.Value <= estimate.Upper
                && estimate.Lower >= values.Min() && estimate.Upper <= values.Max();
        });

    [Fact]
    public void IntervalIsTheSameOnTheLogScale() =>
        Gen.Double[0.01, 100].Array[6, 100].Sample(values =>
        {
            var linear = MedianInterval.Compute(values);
            var log = MedianInterval.Compute(values.Select(v => Math.Log(v)).ToArray());
            return Math.Abs(Math.Log(linear.Lower) - log.Lower) < 1e-9 && Math.Abs(Math.Log(linear.Upper) - log.Upper) < 1e-9;
        });
}
