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
}
