namespace NearNative.Domain.Statistics;

public static class GeometricMean
{
    /// <summary>exp(mean(ln x)); every value must be positive.</summary>
    public static double Of(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("The geometric mean of no values is undefined.", nameof(values));
        }

        var sum = 0.0;
        foreach (var value in values)
        {
            if (!(value > 0) || double.IsPositiveInfinity(value))
            {
                throw new ArgumentOutOfRangeException(nameof(values), value, "Geometric mean needs finite positive values.");
            }

            sum += Math.Log(value);
        }

        return Math.Exp(sum / values.Length);
    }

    /// <summary>
    /// Geometric mean of the groups' medians, equal weights, with a normal interval on the log scale: the log
    /// of the result is the mean of the log medians, so its variance is the sum of theirs over the number of
    /// groups squared, each from <see cref="MedianInterval.LogStandardError"/>. The groups are taken as
    /// independent, as one run's workloads are (each pairs its own processes). Plain arithmetic, no
    /// resampling: the same data give the same bits on the agent and the server.
    /// </summary>
    public static Estimate OfMedians(IReadOnlyList<IReadOnlyList<double>> groups, double confidence = MedianInterval.DefaultConfidence)
    {
        if (groups.Count == 0 || groups.Any(g => g.Count < 2))
        {
            throw new ArgumentException("Every group needs at least two values.", nameof(groups));
        }

        var logSum = 0.0;
        var variance = 0.0;
        foreach (var group in groups)
        {
            var values = group.ToArray();
            logSum += Math.Log(Quantiles.Median(values));
            var error = MedianInterval.LogStandardError(values);
            variance += error * error;
        }

        var value = Math.Exp(logSum / groups.Count);
        var halfWidth = Normal.Quantile((1 + confidence) / 2) * Math.Sqrt(variance) / groups.Count;
        return new Estimate(value, value * Math.Exp(-halfWidth), value * Math.Exp(halfWidth), confidence);
    }
}
