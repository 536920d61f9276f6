namespace NearNative.Domain.Statistics;

/// <summary>
/// A point estimate with its confidence interval and the confidence it is meant to have. The interval is
/// reported as its method gives it, never widened to take in the estimate, so a point estimate may lie
/// outside its own interval (a percentile bootstrap of a skewed sample can do that): that is a biased
/// interval showing, not a fault to hide.
/// </summary>
public sealed record Estimate(double Value, double Lower, double Upper, double Confidence)
{
    /// <summary>Half the interval's width on the log scale, e.g. 0.02 for ±2%; it does not depend on where the value lies.</summary>
    public double RelativeHalfWidth => Value > 0 && Lower > 0
        ? (Math.Log(Upper) - Math.Log(Lower)) / 2
        : double.PositiveInfinity;
}
