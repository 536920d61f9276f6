namespace NearNative.Domain.Statistics;

public static class Quantiles
{
    /// <summary>Median; the mean of the two middle values for an even count.</summary>
    public static double Median(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        return MedianOfSorted(sorted);
    }

    public static double MedianOfSorted(ReadOnlySpan<double> sorted)
    {
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Quantile by linear interpolation between order statistics (Hyndman–Fan type 7, as R and NumPy default).</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double probability)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("The quantile of no values is undefined.", nameof(sorted));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        var position = probability * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
