using NearNative.Domain.Statistics;

namespace NearNative.Domain.Tests.Statistics;

/// <summary>Known answers worked out by hand from Iglewicz and Hoaglin's definition.</summary>
public sealed class ModifiedZScoreTests
{
    [Fact]
    public void TheScoreIsTheDistanceFromTheMedianInScaledMads()
    {
        // Median 3, absolute deviations 2, 1, 0, 1, 2: MAD 1. 0.6745 × (10 − 3) / 1 = 4.7215.
        var score = ModifiedZScore.Of(10, [1, 2, 3, 4, 5]);

        Assert.Equal(4.7215, score!.Value, 10);
        Assert.True(ModifiedZScore.IsOutlier(score));
        Assert.Equal(0, ModifiedZScore.Of(3, [1, 2, 3, 4, 5])!.Value, 12);
        Assert.Equal(-0.6745 * 3, ModifiedZScore.Of(0, [1, 2, 3, 4, 5])!.Value, 12);
        Assert.False(ModifiedZScore.IsOutlier(ModifiedZScore.Of(8, [1, 2, 3, 4, 5])));
    }

    [Fact]
    public void WhenMostOfTheReferenceAgreesTheMeanAbsoluteDeviationStandsIn()
    {
        // Median 2, deviations 0, 0, 0, 0, 3: MAD 0, mean deviation 0.6. 0.7979 × (4 − 2) / 0.6 = 2.6597.
        Assert.Equal(0.7979 * 2 / 0.6, ModifiedZScore.Of(4, [2, 2, 2, 2, 5])!.Value, 10);
    }

    [Fact]
    public void TooSmallOrSpreadlessReferencesGiveNoScore()
    {
        Assert.Null(ModifiedZScore.Of(100, [1, 2, 3, 4]));
        Assert.Null(ModifiedZScore.Of(100, [2, 2, 2, 2, 2]));
        Assert.False(ModifiedZScore.IsOutlier(null));
    }
}
