namespace NearNative.Domain.Statistics;

/// <summary>
/// Distribution-free confidence interval for a median from order statistics (the sign-test interval):
/// [x(k), x(n-k+1)] with the largest k such that P(Binomial(n, ½) &lt; k) ≤ α/2. It needs no assumption
/// about the shape of the distribution, and because order statistics commute with any monotone map it is
/// the same interval on the log scale as on the linear one.
/// </summary>
public static class MedianInterval
{
    public const double DefaultConfidence = 0.95;

    /// <summary>
    /// The median and its interval. With fewer than 6 values no interval reaches 95%; then the interval is
    /// the full range and <see cref="Estimate.Confidence"/> says what it does reach.
    /// </summary>
    public static Estimate Compute(ReadOnlySpan<double> values, double confidence = DefaultConfidence)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("No values.", nameof(values));
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var n = sorted.Length;
        var alphaHalf = (1 - confidence) / 2;

        // k is the 1-based rank of the lower bound; tail(k) = P(B <= k - 1).
        var k = 1;
        var tail = BinomialHalfCdf(n, 0);
        while (k < (n + 1) / 2)
        {
            var next = BinomialHalfCdf(n, k);
            if (next > alphaHalf)
            {
                break;
            }

            k++;
            tail = next;
        }

        var achieved = Math.Max(0, 1 - (2 * tail));
        return new Estimate(Quantiles.MedianOfSorted(sorted), sorted[k - 1], sorted[n - k], achieved);
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
}
