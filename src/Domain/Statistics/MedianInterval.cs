namespace NearNative.Domain.Statistics;

/// <summary>
/// Distribution-free confidence interval for the median of positive ratios, on the log scale. The sign-test
/// interval [x(k), x(n-k+1)] reaches only a few confidence levels (97.9% or 89.1% at 10 values, 98.8% at 11),
/// so, following Hettmansperger and Sheather (1986), each bound is interpolated between x(k) and x(k+1), where
/// [x(k), x(n-k+1)] is the narrowest sign-test interval at or above the target and [x(k+1), x(n-k)] the next
/// one in. Interpolating the logarithms keeps the interval the same whether one reads ratios or their
/// inverses, and scaling every value scales the interval.
/// </summary>
public static class MedianInterval
{
    public const double DefaultConfidence = 0.95;

    /// <summary>1 / Φ⁻¹(¾): the median absolute deviation of normal noise times this is its standard deviation.</summary>
    public const double NormalMadScale = 1.482602218505602;

    /// <summary>
    /// The median and its interval. With fewer than 6 values no sign-test interval reaches 95%; then the
    /// interval is the full range and <see cref="Estimate.Confidence"/> says what it does reach.
    /// </summary>
    public static Estimate Compute(ReadOnlySpan<double> values, double confidence = DefaultConfidence) =>
        Compute(values, confidence, logScale: true);

    /// <summary>
    /// The same interval for amounts that add and may be zero or negative (milliseconds added, megabytes): the
    /// bounds are interpolated linearly, since only ratios have a log scale.
    /// </summary>
    public static Estimate ComputeAmount(ReadOnlySpan<double> values, double confidence = DefaultConfidence) =>
        Compute(values, confidence, logScale: false);

    private static Estimate Compute(ReadOnlySpan<double> values, double confidence, bool logScale)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        if (logScale ? !(sorted[0] > 0) || double.IsPositiveInfinity(sorted[^1]) : !double.IsFinite(sorted[0]) || !double.IsFinite(sorted[^1]))
        {
            throw new ArgumentOutOfRangeException(nameof(values), logScale
                ? "Median intervals are taken of finite positive ratios."
                : "Median intervals are taken of finite amounts.");
        }

        var n = sorted.Length;
        var median = Quantiles.MedianOfSorted(sorted);

        // k is the 1-based rank of the lower bound: the deepest sign-test interval still at or above the target.
        var k = 1;
        while (k + 1 <= n - k && SignTestConfidence(n, k + 1) >= confidence)
        {
            k++;
        }

        var outer = SignTestConfidence(n, k);
        if (outer < confidence || outer == confidence || k + 1 > n - k)
        {
            return new Estimate(median, sorted[k - 1], sorted[n - k], outer);
        }

        var inner = SignTestConfidence(n, k + 1);
        var excess = (outer - confidence) / (outer - inner);
        var weight = (n - k) * excess / (k + ((n - (2 * k)) * excess));
        return new Estimate(
            median,
            Between(sorted[k - 1], sorted[k], weight, logScale),
            Between(sorted[n - k], sorted[n - k - 1], weight, logScale),
            confidence);
    }

    /// <summary>Confidence of the sign-test interval [x(k), x(n-k+1)]: 1 - 2 P(B ≤ k - 1), B ~ Binomial(n, ½).</summary>
    public static double SignTestConfidence(int n, int k) => Math.Max(0, 1 - (2 * BinomialHalfCdf(n, k - 1)));

    /// <summary>
    /// Standard error of the log of the median: √(π/2)·σ/√n, the median's large-sample spread under noise
    /// that is normal near the centre, with σ estimated as 1.4826 times the median absolute deviation of the
    /// logs. The deviation ignores a few rounds caught by a slow spell, as the median does; spreads that
    /// weigh every value (the bootstrap's, Maritz–Jarrett's) or order statistics far from the centre
    /// (Price–Bonett's) overstated the median's spread at 10–12 values on our noise (see docs/statistics.md).
    /// </summary>
    public static double LogStandardError(ReadOnlySpan<double> values)
    {
        if (values.Length < 2)
        {
            throw new ArgumentException("A standard error needs at least two values.", nameof(values));
        }

        var logs = new double[values.Length];
        for (var i = 0; i < logs.Length; i++)
        {
            logs[i] = Math.Log(values[i]);
        }

        var center = Quantiles.Median(logs);
        for (var i = 0; i < logs.Length; i++)
        {
            logs[i] = Math.Abs(logs[i] - center);
        }

        return Math.Sqrt(Math.PI / 2) * NormalMadScale * Quantiles.Median(logs) / Math.Sqrt(values.Length);
    }

    /// <summary>P(B ≤ k) for B ~ Binomial(n, ½), summed in log space so large n does not underflow.</summary>
    public static double BinomialHalfCdf(int n, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (k < 0)
        {
            return 0;
        }

        if (k >= n)
        {
            return 1;
        }

        var logPmf = -n * Math.Log(2);
        var sum = Math.Exp(logPmf);
        for (var i = 0; i < k; i++)
        {
            logPmf += Math.Log((double)(n - i) / (i + 1));
            sum += Math.Exp(logPmf);
        }

        return Math.Min(1, sum);
    }

    /// <summary>
    /// The point a share <paramref name="weight"/> of the way from <paramref name="from"/> to <paramref name="to"/> on
    /// the log scale (or linearly for amounts); tied values are returned as they are, not through a rounding log and exp.
    /// </summary>
    private static double Between(double from, double to, double weight, bool logScale) =>
        from == to ? from
        : logScale ? Math.Exp(((1 - weight) * Math.Log(from)) + (weight * Math.Log(to)))
        : ((1 - weight) * from) + (weight * to);
}
