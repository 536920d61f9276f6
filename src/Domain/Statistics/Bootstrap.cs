namespace NearNative.Domain.Statistics;

/// <summary>Percentile bootstrap with a fixed seed, so that agent and server report the same interval for the same data.</summary>
public static class Bootstrap
{
    public const int DefaultResamples = 2000;
    public const ulong DefaultSeed = 0x4E4E_2026_0001UL;

    /// <summary>Percentile interval of <paramref name="replicate"/>, which draws one resample from the generator it is given.</summary>
    public static (double Lower, double Upper) Interval(
        Func<SplitMix64, double> replicate,
        double confidence = MedianInterval.DefaultConfidence,
        int resamples = DefaultResamples,
        ulong seed = DefaultSeed)
    {
        var rng = new SplitMix64(seed);
        var replicates = new double[resamples];
        for (var i = 0; i < resamples; i++)
        {
            replicates[i] = replicate(rng);
        }

        Array.Sort(replicates);
        var alphaHalf = (1 - confidence) / 2;
        return (Quantiles.OfSorted(replicates, alphaHalf), Quantiles.OfSorted(replicates, 1 - alphaHalf));
    }

    /// <summary>Median of a resample (with replacement) of <paramref name="values"/>.</summary>
    public static double ResampledMedian(SplitMix64 rng, IReadOnlyList<double> values, double[] scratch)
    {
        for (var i = 0; i < values.Count; i++)
        {
            scratch[i] = values[rng.NextInt(values.Count)];
        }

        var span = scratch.AsSpan(0, values.Count);
        span.Sort();
        return Quantiles.MedianOfSorted(span);
    }

    /// <summary>
    /// Geometric mean of medians, one median per group, with an interval from resampling each group
    /// independently: the leaderboard's summary over machines. The interval is the replicates' own 2.5th to
    /// 97.5th percentile and may miss the estimate; one run's summary over workloads uses
    /// <see cref="GeometricMean.OfMedians"/> instead, which covered 95% where this covered 98%.
    /// </summary>
    public static Estimate GeometricMeanOfMedians(IReadOnlyList<IReadOnlyList<double>> groups, double confidence = MedianInterval.DefaultConfidence)
    {
        if (groups.Count == 0 || groups.Any(g => g.Count == 0))
        {
            throw new ArgumentException("Every group needs at least one value.", nameof(groups));
        }

        var medians = groups.Select(g => Quantiles.Median(g.ToArray())).ToArray();
        var value = GeometricMean.Of(medians);
        var scratch = new double[groups.Max(g => g.Count)];
        var (lower, upper) = Interval(rng =>
        {
            var logSum = 0.0;
            foreach (var group in groups)
            {
                logSum += Math.Log(ResampledMedian(rng, group, scratch));
            }

            return Math.Exp(logSum / groups.Count);
        }, confidence);
        return new Estimate(value, lower, upper, confidence);
    }
}
