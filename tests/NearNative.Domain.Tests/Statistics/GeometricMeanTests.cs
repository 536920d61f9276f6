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
}
