using NearNative.Domain.Statistics;

namespace NearNative.Domain.Tests.Statistics;

public sealed class SampleShapeTests
{
    [Fact]
    public void TwoSeparatedClustersAreMultimodal()
    {
        var ratios = Enumerable.Range(0, 60).Select(i => (i % 2 == 0 ? 1.0 : 1.5) + (i % 7 * 0.002)).ToArray();

        Assert.True(SampleShape.IsMultimodal(ratios));
    }

    [Fact]
    public void OneClusterIsNotMultimodal()
    {
        var ratios = Enumerable.Range(0, 60).Select(i => 1.0 + (i % 13 * 0.003)).ToArray();

        Assert.False(SampleShape.IsMultimodal(ratios));
    }

    [Fact]
    public void TooFewValuesGiveNoModalityVerdict() =>
        Assert.Null(SampleShape.IsMultimodal([.. Enumerable.Range(0, 39).Select(i => i % 2 == 0 ? 1.0 : 1.5)]));

    [Fact]
    public void IdenticalValuesGiveNoModalityVerdictAndNoOutliers()
    {
        var ratios = Enumerable.Repeat(1.2, 50).ToArray();

        Assert.Null(SampleShape.IsMultimodal(ratios));
        Assert.Equal(0, SampleShape.CountOutliers(ratios));
    }

    [Fact]
    public void OutliersAreJudgedOnTheLogScale()
    {
        // Symmetric on the log scale: 1/4 and 4 are equally far from 1. Both lie outside the fences.
        double[] ratios = [0.25, 0.98, 0.99, 1.0, 1.0, 1.01, 1.02, 4.0];

        Assert.Equal(2, SampleShape.CountOutliers(ratios));
    }
}
