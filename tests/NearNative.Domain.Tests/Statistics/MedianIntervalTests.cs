using CsCheck;
using NearNative.Domain.Statistics;

namespace NearNative.Domain.Tests.Statistics;

public sealed class MedianIntervalTests
{
    [Fact]
    public void AmountsMayBeNegativeAndAreInterpolatedLinearly()
    {
        // −5 … 4 ms: the ranks of 1 … 10 shifted by −6, so the bounds shift too (see ColdStartFiguresTests for w).
        double[] added = [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4];

        var estimate = MedianInterval.ComputeAmount(added);

        Assert.Equal((-0.5, -3.342342, 2.342342), (estimate.Value, Math.Round(estimate.Lower, 6), Math.Round(estimate.Upper, 6)));
        Assert.Throws<ArgumentOutOfRangeException>(() => MedianInterval.Compute(added));
    }

    [Fact]
    public void TenValuesInterpolateBetweenTheSecondAndThirdOrderStatisticsToReachNinetyFivePercent()
    {
        // [x(2), x(9)] has 1 - 2·11/1024 = 97.85%, [x(3), x(8)] 1 - 2·56/1024 = 89.06%.
        // I = (0.978515625 - 0.95) / (0.978515625 - 0.890625) = 73/225; λ = 8I / (2 + 6I) = 73/111.
        // The logs are 1..10, so the bounds are e^(2 + 73/111) and e^(9 - 73/111).
        double[] logs = [7, 3, 10, 1, 5, 9, 2, 8, 4, 6];

        var estimate = MedianInterval.Compute([.. logs.Select(Math.Exp)]);

        Assert.Equal((Math.Exp(5) + Math.Exp(6)) / 2, estimate.Value, 9);
        Assert.Equal(2 + (73.0 / 111), Math.Log(estimate.Lower), 12);
        Assert.Equal(9 - (73.0 / 111), Math.Log(estimate.Upper), 12);
        Assert.Equal(0.95, estimate.Confidence, 12);
    }

    [Fact]
    public void TwentyValuesInterpolateBetweenTheSixthAndSeventhOrderStatistics()
    {
        // P(B <= 5) = 21700 / 2^20 and P(B <= 6) = 60460 / 2^20, so [x(6), x(15)] has 95.86% and [x(7), x(14)] 88.47%.
        // I = (0.05·2^20 - 43400) / 77520 = 9028.8 / 77520; λ = 14I / (6 + 8I) = 126403.2 / 537350.4.
        var estimate = MedianInterval.Compute([.. Enumerable.Range(1, 20).Reverse().Select(i => Math.Exp(i))]);

        var lambda = 126403.2 / 537350.4;
        Assert.Equal(6 + lambda, Math.Log(estimate.Lower), 12);
        Assert.Equal(15 - lambda, Math.Log(estimate.Upper), 12);
        Assert.Equal(0.95, estimate.Confidence, 12);
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
    public void IntervalLiesBetweenTheTwoSignTestIntervalsAroundTheTarget() =>
        Gen.Double[0.01, 100].Array[6, 200].Sample(values =>
        {
            var sorted = values.Order().ToArray();
            var n = sorted.Length;
            var k = Enumerable.Range(1, n / 2).Last(d => MedianInterval.SignTestConfidence(n, d) >= 0.95);
            var estimate = MedianInterval.Compute(values);
            var inner = k + 1 <= n - k ? (sorted[k], sorted[n - k - 1]) : (sorted[k - 1], sorted[n - k]);
            const double Rounding = 1e-12;
            return sorted[k - 1] * (1 - Rounding) <= estimate.Lower && estimate.Lower <= inner.Item1 * (1 + Rounding)
                && inner.Item2 * (1 - Rounding) <= estimate.Upper && estimate.Upper <= sorted[n - k] * (1 + Rounding);
        });

    [Fact]
    public void ScalingEveryRatioScalesTheInterval() =>
        Gen.Select(Gen.Double[0.01, 100].Array[1, 100], Gen.Double[0.1, 10]).Sample((values, factor) =>
        {
            var plain = MedianInterval.Compute(values);
            var scaled = MedianInterval.Compute([.. values.Select(v => v * factor)]);
            return Math.Abs(scaled.Lower - (plain.Lower * factor)) < 1e-9 * scaled.Lower
                && Math.Abs(scaled.Upper - (plain.Upper * factor)) < 1e-9 * scaled.Upper;
        });

    [Fact]
    public void InvertingEveryRatioInvertsTheInterval() =>
        Gen.Double[0.01, 100].Array[1, 100].Sample(values =>
        {
            var ratios = MedianInterval.Compute(values);
            var inverses = MedianInterval.Compute([.. values.Select(v => 1 / v)]);
            return Math.Abs((inverses.Lower * ratios.Upper) - 1) < 1e-9 && Math.Abs((inverses.Upper * ratios.Lower) - 1) < 1e-9;
        });

    [Fact]
    public void IdenticalRatiosGiveExactlyThatRatioAsEveryBound()
    {
        var estimate = MedianInterval.Compute([.. Enumerable.Repeat(8.0, 10)]);

        Assert.Equal((8.0, 8.0, 8.0), (estimate.Value, estimate.Lower, estimate.Upper));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void NonPositiveRatiosAreRefused(double bad) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MedianInterval.Compute([1, 2, bad]));

    [Fact]
    public void StandardErrorOfTheLogMedianComesFromTheMedianAbsoluteDeviation()
    {
        // Logs 1..5: median 3, absolute deviations 2, 1, 0, 1, 2, so the MAD is 1;
        // √(π/2) · 1.482602 · 1 / √5 = 0.830997.
        var error = MedianInterval.LogStandardError([.. new[] { 4.0, 1, 5, 2, 3 }.Select(Math.Exp)]);

        Assert.Equal(Math.Sqrt(Math.PI / 2) * 1.482602218505602 / Math.Sqrt(5), error, 12);
        Assert.Equal(0.8309972412, error, 9);
    }

    [Fact]
    public void OneRoundCaughtByASlowSpellDoesNotChangeTheStandardError() =>
        Assert.Equal(
            MedianInterval.LogStandardError([1.20, 1.22, 1.25, 1.27, 1.30]),
            MedianInterval.LogStandardError([1.20, 1.22, 1.25, 1.27, 1.30 * 1.6]),
            12);
}
