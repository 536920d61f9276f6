using NearNative.Domain.Statistics;

namespace NearNative.Domain.Tests.Statistics;

public sealed class NormalTests
{
    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.75, 0.6744897501960817)]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.001, -3.090232306167813)]
    [InlineData(1e-10, -6.361340902404056)]
    public void QuantilesMatchPublishedValuesWithinAcklamsBound(double probability, double expected) =>
        Assert.InRange(Math.Abs(Normal.Quantile(probability) - expected), 0, 1.15e-9 * Math.Abs(expected));

    [Fact]
    public void QuantilesAreSymmetric()
    {
        foreach (var p in new[] { 0.01, 0.02425, 0.1, 0.3 })
        {
            Assert.Equal(-Normal.Quantile(p), Normal.Quantile(1 - p), 9);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void ProbabilitiesOutsideTheOpenUnitIntervalAreRefused(double bad) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Normal.Quantile(bad));
}
