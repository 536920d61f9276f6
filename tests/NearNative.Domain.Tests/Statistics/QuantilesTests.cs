using NearNative.Domain.Statistics;

namespace NearNative.Domain.Tests.Statistics;

public sealed class QuantilesTests
{
    [Fact]
    public void MedianOfAnOddCountIsTheMiddleValue() => Assert.Equal(3, Quantiles.Median([5, 1, 3]));

    [Fact]
    public void MedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() => Assert.Equal(2.5, Quantiles.Median([4, 1, 3, 2]));

    [Fact]
    public void MedianOfNothingIsAnError() => Assert.Throws<ArgumentException>(() => Quantiles.Median([]));

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.25, 1.75)]
    [InlineData(0.5, 2.5)]
    [InlineData(1.0, 4.0)]
    public void QuantilesInterpolateLikeRAndNumPy(double probability, double expected) =>
        Assert.Equal(expected, Quantiles.OfSorted([1, 2, 3, 4], probability), 12);
}
