namespace NearNative.Domain.Statistics;

/// <summary>A point estimate with its confidence interval and the confidence actually achieved.</summary>
public sealed record Estimate(double Value, double Lower, double Upper, double Confidence)
{
    /// <summary>Half the interval's width relative to the value on the log scale, e.g. 0.02 for ±2%.</summary>
    public double RelativeHalfWidth => Value > 0 && Lower > 0
        ? (Math.Log(Upper) - Math.Log(Lower)) / 2
        : double.PositiveInfinity;
}
