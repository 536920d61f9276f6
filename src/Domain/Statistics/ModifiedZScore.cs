namespace NearNative.Domain.Statistics;

/// <summary>
/// Iglewicz and Hoaglin's robust outlier score: how far a value lies from the median of a reference set, in units of
/// the reference's median absolute deviation (MAD) scaled to a normal standard deviation (0.6745 is the normal
/// distribution's MAD in standard deviations). Neither the median nor the MAD moves much when a few values are wild,
/// so the score keeps working when the reference holds outliers itself. Where more than half the reference agrees
/// exactly (MAD zero), the mean absolute deviation scaled by 1.2533 (√(π/2)) stands in.
/// </summary>
public static class ModifiedZScore
{
    /// <summary>A value scoring beyond this in absolute value is an outlier.</summary>
    public const double Threshold = 3.5;

    /// <summary>
    /// The fewest reference values a score is computed from: with fewer, one unusual machine is as likely to be the
    /// reference's odd one out as the candidate, and the MAD of three or four values swings too much to trust.
    /// </summary>
    public const int MinimumReference = 5;

    private const double NormalMadInSigmas = 0.6745;
    private const double NormalMeanAbsoluteDeviationInSigmas = 0.7979;

    /// <summary>
    /// The score of <paramref name="value"/> against <paramref name="reference"/>; null when the reference is smaller
    /// than <see cref="MinimumReference"/> or has no spread at all (every value equal), so no scale exists to measure by.
    /// </summary>
    public static double? Of(double value, IReadOnlyCollection<double> reference)
    {
        if (reference.Count < MinimumReference)
        {
            return null;
        }

        var values = reference.ToArray();
        var median = Quantiles.Median(values);
        var deviations = values.Select(v => Math.Abs(v - median)).ToArray();
        var mad = Quantiles.Median(deviations);
        if (mad > 0)
        {
            return NormalMadInSigmas * (value - median) / mad;
        }

        var meanDeviation = deviations.Average();
        return meanDeviation > 0 ? NormalMeanAbsoluteDeviationInSigmas * (value - median) / meanDeviation : null;
    }

    public static bool IsOutlier(double? score) => score is { } z && Math.Abs(z) > Threshold;
}
