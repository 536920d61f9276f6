using NearNative.Domain.Results;
using NearNative.Domain.Statistics;

namespace NearNative.Domain.Tests.Statistics;

/// <summary>Microseconds per instance and kilobytes per live instance, recomputed from the raw starts.</summary>
public sealed class InstanceStartFiguresTests
{
    /// <summary>Starts of 1, 2, …, 100 µs, given in nanoseconds and in a shuffled order.</summary>
    private static readonly long[] OneToHundredUs = [.. Enumerable.Range(1, 100).Select(i => (long)((i * 37 % 100) + 1) * 1_000)];

    [Fact]
    public void TheMedianAndP99AreInMicrosecondsFromTheMeasuredStartsOnly()
    {
        var measurement = new InstanceStart("wasmtime", InstanceStart.InHost, OneToHundredUs, [5_000_000, 4_000_000], 0, null, null);

        var figures = InstanceStartFigures.Of(measurement)!;

        // Median of 1…100 is 50.5. For 100 values the sign-test intervals are [x(40), x(61)] at 0.964800 and
        // [x(41), x(60)] at 0.943112; interpolated linearly to 95%, e = (0.964800 − 0.95) / (0.964800 − 0.943112) and each
        // bound moves w = 60e / (40 + 20e) = 0.763201 of the one-µs step inwards.
        Assert.Equal(100, figures.Instances);
        Assert.Equal(50.5, figures.MedianUs.Value, 9);
        Assert.Equal(40.763200616, figures.MedianUs.Lower, 9);
        Assert.Equal(60.236799384, figures.MedianUs.Upper, 9);
        Assert.Equal(0.95, figures.MedianUs.Confidence);

        // Type 7: position 0.99 · 99 = 98.01, between x(99) = 99 and x(100) = 100.
        Assert.Equal(99.01, figures.P99Us, 9);
        Assert.Null(figures.KbPerLiveInstance);
    }

    [Fact]
    public void ResidentBytesPerLiveInstanceAreTheGrowthDividedByTheInstancesInKilobytes()
    {
        var measurement = new InstanceStart("wasmtime", InstanceStart.InHost, OneToHundredUs, [], 1_000, 10_000_000, 34_640_000);

        Assert.Equal(24.64, InstanceStartFigures.Of(measurement)!.KbPerLiveInstance!.Value, 9);
    }

    [Fact]
    public void AnUnavailableMethodHasNoFigures()
    {
        var measurement = InstanceStart.Unavailable("native", InstanceStart.Namespaced, "unshare: Operation not permitted");

        Assert.Null(InstanceStartFigures.Of(measurement));
    }

    [Fact]
    public void FewerStartsThanTheMinimumHaveNoFigures()
    {
        var measurement = new InstanceStart("node", InstanceStart.InHost, [.. OneToHundredUs.Take(InstanceStartFigures.MinimumInstances - 1)], [], 10, 1, 2);

        Assert.Null(InstanceStartFigures.Of(measurement));
    }

    [Fact]
    public void EveryUsableMeasurementKeepsItsRuntimeAndMethodInDocumentOrder()
    {
        InstanceStart[] measurements =
        [
            new("native", InstanceStart.ForkExec, OneToHundredUs, [], 0, null, null),
            InstanceStart.Unavailable("native", InstanceStart.Namespaced, "not permitted"),
            new("node", InstanceStart.InHost, OneToHundredUs, [], 0, null, null),
        ];

        var figures = InstanceStartFigures.Of(measurements);

        Assert.Equal([("native", InstanceStart.ForkExec), ("node", InstanceStart.InHost)], figures.Select(f => (f.Runtime, f.Method)));
    }
}
