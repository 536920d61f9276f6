using CsCheck;
using NearNative.Api.TradeOff;
using NearNative.Domain.Statistics;

namespace NearNative.Api.Tests.TradeOff;

/// <summary>
/// The trade-off arithmetic against numbers worked out by hand. The running example (also in docs/statistics.md):
/// a service weighted compute:3, io:1 on a runtime whose compute ratio is 1.2 [1.1, 1.3] and io ratio 1.2⁵ = 2.48832
/// [1.1⁵ = 1.61051, 1.3⁵ = 3.71293]; instances start in 20 µs [16, 24] in a host, native processes in 500 µs [450, 550];
/// the runtime's process adds 4 ms [3.5, 4.5]; each request takes t = 0.2 ms natively and an instance serves N = 2.
/// </summary>
public sealed class TradeOffModelTests
{
    private const double Tolerance = 1e-9;

    private static readonly Estimate Slowdown = TradeOffModel.WeightedSlowdown(
    [
        new WeightedRatio(3, new Estimate(1.2, 1.1, 1.3, 0.95)),
        new WeightedRatio(1, new Estimate(2.48832, 1.61051, 3.71293, 0.95)),
    ]);

    [Fact]
    public void TheSlowdownIsTheWeightedGeometricMeanAndSoAreItsBounds()
    {
        // S = (1.2³ · 1.2⁵)^(1/4) = 1.2^(8/4) = 1.44; lower (1.1³ · 1.1⁵)^(1/4) = 1.1² = 1.21; upper 1.3² = 1.69.
        Assert.Equal(1.44, Slowdown.Value, Tolerance);
        Assert.Equal(1.21, Slowdown.Lower, Tolerance);
        Assert.Equal(1.69, Slowdown.Upper, Tolerance);
        Assert.Equal(0.95, Slowdown.Confidence);
    }

    [Fact]
    public void APartOfWeightZeroCountsForNothing()
    {
        var slowdown = TradeOffModel.WeightedSlowdown(
        [
            new WeightedRatio(2, new Estimate(1.5, 1.4, 1.6, 0.95)),
            new WeightedRatio(0, new Estimate(9, 8, 10, 0.5)),
        ]);

        Assert.Equal((1.5, 1.4, 1.6, 0.95), (slowdown.Value, slowdown.Lower, slowdown.Upper, slowdown.Confidence));
    }

    [Fact]
    public void InstancesInAHostPayOffBelowTheBreakEvenCpuTimeAndRequests()
    {
        // D = I − P = 0.020 − 0.500 = −0.48 ms, range [0.016 − 0.550, 0.024 − 0.450] = [−0.534, −0.426].
        var difference = TradeOffModel.Difference(new Estimate(0.020, 0.016, 0.024, 0.95), new Estimate(0.500, 0.450, 0.550, 0.95));
        Assert.Equal((-0.48, -0.534, -0.426), Rounded(difference));

        var comparison = TradeOffModel.Compare(Slowdown, difference, nativeStartMs: 0.5, cpuMs: 0.2, requests: 2);

        // Δ = (S−1)·t + D/N = 0.44·0.2 − 0.48/2 = 0.088 − 0.24 = −0.152 ms;
        // lower (1.21−1)·0.2 − 0.534/2 = 0.042 − 0.267 = −0.225, upper (1.69−1)·0.2 − 0.426/2 = 0.138 − 0.213 = −0.075.
        Assert.Equal((-0.152, -0.225, -0.075), Rounded(comparison.ExtraMs));
        Assert.True(comparison.PaysOff);

        // Native t + Q/N = 0.2 + 0.5/2 = 0.45 ms; runtime S·t + I/N = 0.288 + 0.01 = 0.298 ms; 0.298 / 0.45 = 0.662222…;
        // the ratio's range 1 + [−0.225, −0.075] / 0.45 = [0.5, 0.833333…].
        var costs = comparison.Costs!;
        Assert.Equal(0.45, costs.NativeMs, Tolerance);
        Assert.Equal(0.298, costs.RuntimeMs, Tolerance);
        Assert.Equal((0.662222, 0.5, 0.833333), Rounded(costs.Ratio, 6));

        // t* = (P−I) / (N·(S−1)) = 0.48 / (2·0.44) = 0.545454…; lower 0.426 / (2·0.69) = 0.308696, upper 0.534 / (2·0.21) = 1.271429.
        Assert.Equal(PaysOffWhen.Below, comparison.CpuMs.When);
        Assert.Equal((0.545455, 0.308696, 1.271429), Rounded(comparison.CpuMs));
        Assert.True(comparison.CpuMs.Certain);

        // N* = (P−I) / ((S−1)·t) = 0.48 / (0.44·0.2) = 5.454545…; lower 0.426 / (0.69·0.2) = 3.086957, upper 0.534 / (0.21·0.2) = 12.714286.
        Assert.Equal(PaysOffWhen.Below, comparison.Requests.When);
        Assert.Equal((5.454545, 3.086957, 12.714286), Rounded(comparison.Requests));
        Assert.True(comparison.Requests.Certain);
    }

    [Fact]
    public void AProcessPerInstanceNeverPaysOffWhenTheRuntimeIsSlowerAndStartsSlower()
    {
        var comparison = TradeOffModel.Compare(Slowdown, new ValueRange(4, 3.5, 4.5), nativeStartMs: 0.5, cpuMs: 0.2, requests: 2);

        // Δ = 0.44·0.2 + 4/2 = 2.088 ms; lower 0.042 + 1.75 = 1.792, upper 0.138 + 2.25 = 2.388.
        Assert.Equal((2.088, 1.792, 2.388), Rounded(comparison.ExtraMs));
        Assert.False(comparison.PaysOff);

        // Native 0.45 ms, runtime 0.45 + 2.088 = 2.538 ms: 5.64× native.
        Assert.Equal(5.64, comparison.Costs!.Ratio.Value, Tolerance);
        Assert.Equal(new BreakEven(PaysOffWhen.Never, null, null, null, Certain: true), comparison.CpuMs);
        Assert.Equal(new BreakEven(PaysOffWhen.Never, null, null, null, Certain: true), comparison.Requests);
    }

    [Fact]
    public void AFasterRuntimeThatStartsSlowerPaysOffAboveTheBreakEven()
    {
        // S = 0.8 [0.7, 0.9], D = +0.1 ms [0.05, 0.15], N = 1: t* = D / (N·(1−S)) = 0.1 / 0.2 = 0.5 ms;
        // lower 0.05 / 0.3 = 0.166667 (smallest D, largest 1−S), upper 0.15 / 0.1 = 1.5. At t = 1: Δ = −0.2 + 0.1 = −0.1.
        var comparison = TradeOffModel.Compare(new Estimate(0.8, 0.7, 0.9, 0.95), new ValueRange(0.1, 0.05, 0.15), nativeStartMs: null, cpuMs: 1, requests: 1);

        Assert.Equal(PaysOffWhen.Above, comparison.CpuMs.When);
        Assert.Equal((0.5, 0.166667, 1.5), Rounded(comparison.CpuMs));
        Assert.True(comparison.PaysOff);
        Assert.Equal(-0.1, comparison.ExtraMs.Value, Tolerance);
        Assert.Null(comparison.Costs);
    }

    [Fact]
    public void ASlowdownIntervalReachingOneLeavesTheBreakEvenUnboundedAndUncertain()
    {
        // S = 1.1 [0.95, 1.3], D = −0.5 [−0.6, −0.4], N = 1: t* = 0.5 / 0.1 = 5 ms; lower 0.4 / 0.3 = 1.333333;
        // at S = 0.95 the runtime always pays off, so there is no upper end.
        var comparison = TradeOffModel.Compare(new Estimate(1.1, 0.95, 1.3, 0.95), new ValueRange(-0.5, -0.6, -0.4), 1, cpuMs: 1, requests: 1);

        Assert.Equal(PaysOffWhen.Below, comparison.CpuMs.When);
        Assert.Equal(5, comparison.CpuMs.Value!.Value, Tolerance);
        Assert.Equal(1.333333, Math.Round(comparison.CpuMs.Lower!.Value, 6));
        Assert.Null(comparison.CpuMs.Upper);
        Assert.False(comparison.CpuMs.Certain);
    }

    [Fact]
    public void AStartDifferenceReachingZeroStartsTheBreakEvenRangeAtZero()
    {
        // S = 1.5 [1.4, 1.6], D = −0.1 [−0.2, 0.1], N = 1: t* = 0.1 / 0.5 = 0.2; upper 0.2 / 0.4 = 0.5; at D = 0.1 it never pays off.
        var comparison = TradeOffModel.Compare(new Estimate(1.5, 1.4, 1.6, 0.95), new ValueRange(-0.1, -0.2, 0.1), 1, cpuMs: 1, requests: 1);

        Assert.Equal((0.2, 0.0, 0.5), Rounded(comparison.CpuMs));
        Assert.False(comparison.CpuMs.Certain);
    }

    [Theory]
    [InlineData(1.2, -0.1, PaysOffWhen.Below)]
    [InlineData(0.8, 0.1, PaysOffWhen.Above)]
    [InlineData(0.8, -0.1, PaysOffWhen.Always)]
    [InlineData(1.0, -0.1, PaysOffWhen.Always)]
    [InlineData(0.8, 0.0, PaysOffWhen.Always)]
    [InlineData(1.2, 0.1, PaysOffWhen.Never)]
    [InlineData(1.0, 0.0, PaysOffWhen.Never)]
    [InlineData(1.2, 0.0, PaysOffWhen.Never)]
    public void TheCaseFollowsTheSignsOfTheSlowdownAndTheStartDifference(double slowdown, double difference, PaysOffWhen expected) =>
        Assert.Equal(expected, TradeOffModel.Case(slowdown, difference));

    [Fact]
    public void AtTheBreakEvenTheExtraCostIsZeroAndBelowItTheRuntimePaysOff() =>
        Gen.Select(Gen.Double[1.01, 10], Gen.Double[0.001, 100], Gen.Long[1, 100_000], Gen.Double[0.01, 0.99]).Sample((s, saved, requests, share) =>
        {
            var slowdown = new Estimate(s, s, s, 0.95);
            var difference = new ValueRange(-saved, -saved, -saved);
            var breakEven = TradeOffModel.Compare(slowdown, difference, null, cpuMs: 1, requests).CpuMs.Value!.Value;

            var at = TradeOffModel.Compare(slowdown, difference, null, breakEven, requests);
            var below = TradeOffModel.Compare(slowdown, difference, null, breakEven * share, requests);
            var above = TradeOffModel.Compare(slowdown, difference, null, breakEven / share, requests);
            return Math.Abs(at.ExtraMs.Value) <= 1e-9 * breakEven * s && below.PaysOff && !above.PaysOff;
        });

    [Fact]
    public void TheRangesHoldTheirValues() =>
        Gen.Select(Gen.Double[0.5, 3].Array[3], Gen.Double[-2, 2].Array[3], Gen.Double[0.01, 100], Gen.Long[1, 1000]).Sample((s, d, cpuMs, requests) =>
        {
            Array.Sort(s);
            Array.Sort(d);
            var comparison = TradeOffModel.Compare(new Estimate(s[1], s[0], s[2], 0.95), new ValueRange(d[1], d[0], d[2]), 1, cpuMs, requests);
            var holds = comparison.ExtraMs.Lower <= comparison.ExtraMs.Value && comparison.ExtraMs.Value <= comparison.ExtraMs.Upper;
            return holds && new[] { comparison.CpuMs, comparison.Requests }.All(b =>
                b.Value is not { } value || (b.Lower <= value && (b.Upper is null || value <= b.Upper)));
        });

    private static (double, double, double) Rounded(ValueRange range, int digits = 9) =>
        (Math.Round(range.Value, digits), Math.Round(range.Lower, digits), Math.Round(range.Upper, digits));

    private static (double, double, double) Rounded(BreakEven breakEven) =>
        (Math.Round(breakEven.Value!.Value, 6), Math.Round(breakEven.Lower!.Value, 6), Math.Round(breakEven.Upper!.Value, 6));
}
