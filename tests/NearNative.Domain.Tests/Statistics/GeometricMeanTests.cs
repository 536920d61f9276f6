using CsCheck;
using NearNative.Domain.Statistics;

namespace NearNative.Domain.Tests.Statistics;

public sealed class GeometricMeanTests
{
    [Fact]
    public void GeometricMeanOfTwoAndEightIsFour() => Assert.Equal(4, GeometricMean.Of([2, 8]), 12);

    [Fact]
    public void GeometricMeanOfPowersOfTenIsTheMiddlePower() => Assert.Equal(10, GeometricMean.Of([1, 10, 100]), 12);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NonPositiveOrNonFiniteValuesAreRefused(double bad) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GeometricMean.Of([1, bad]));

    [Fact]
    public void ScalingEveryValueScalesTheMean() =>
        Gen.Select(Gen.Double[0.01, 100].Array[1, 50], Gen.Double[0.1, 10]).Sample((values, factor) =>
            Math.Abs(GeometricMean.Of(values.Select(v => v * factor).ToArray()) - (factor * GeometricMean.Of(values)))
                < 1e-9 * factor * GeometricMean.Of(values));

    [Fact]
    public void MeanLiesBetweenTheSmallestAndLargestValue() =>
        Gen.Double[0.01, 100].Array[1, 50].Sample(values =>
        {
            var mean = GeometricMean.Of(values);
            return mean >= values.Min() * (1 - 1e-12) && mean <= values.Max() * (1 + 1e-12);
        });

    [Fact]
    public void MeanOfMediansHasANormalIntervalOnTheLogScale()
    {
        // Group a: logs 1..5, median 3, standard error 0.830997 (see MedianIntervalTests); group b: constant e^2.
        // Log of the mean (3 + 2) / 2 = 2.5, half-width 1.959964 · √(0.830997² + 0) / 2.
        var estimate = GeometricMean.OfMedians([[.. new[] { 5.0, 3, 1, 4, 2 }.Select(Math.Exp)], [Math.Exp(2), Math.Exp(2), Math.Exp(2)]]);

        var halfWidth = 1.959963984540054 * 0.8309972412135981 / 2;
        Assert.Equal(2.5, Math.Log(estimate.Value), 12);
        Assert.Equal(2.5 - halfWidth, Math.Log(estimate.Lower), 8);
        Assert.Equal(2.5 + halfWidth, Math.Log(estimate.Upper), 8);
        Assert.Equal(0.95, estimate.Confidence);
    }

    [Fact]
    public void MoreGroupsOfTheSameNoiseNarrowTheInterval()
    {
        IReadOnlyList<double> group = [1.10, 1.25, 1.18, 1.31, 1.22, 1.15, 1.27, 1.20, 1.24, 1.12];

        var one = GeometricMean.OfMedians([group, group]);
        var four = GeometricMean.OfMedians([group, group, group, group]);

        Assert.Equal(one.Value, four.Value, 12);
        Assert.Equal(one.RelativeHalfWidth / Math.Sqrt(2), four.RelativeHalfWidth, 12);
    }

    [Fact]
    public void MeanOfMediansNeedsTwoValuesInEveryGroup() =>
        Assert.Throws<ArgumentException>(() => GeometricMean.OfMedians([[1.0, 2.0], [1.5]]));
}
