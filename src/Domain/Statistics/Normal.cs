namespace NearNative.Domain.Statistics;

/// <summary>The standard normal distribution, for the few quantiles the intervals need (neither Perfolizer nor Pragmastat exposes one).</summary>
public static class Normal
{
    private static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    /// <summary>
    /// Φ⁻¹(p) by Acklam's rational approximation (relative error below 1.2e-9), plain arithmetic so that
    /// agent and server get the same bits.
    /// </summary>
    public static double Quantile(double probability)
    {
        if (!(probability > 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A normal quantile needs 0 < p < 1.");
        }

        const double Low = 0.02425;
        if (probability < Low)
        {
            return Tail(probability);
        }

        if (probability > 1 - Low)
        {
            return -Tail(1 - probability);
        }

        var q = probability - 0.5;
        var r = q * q;
        return Horner(A, r) * q / ((Horner(B, r) * r) + 1);
    }

    private static double Tail(double probability)
    {
        var q = Math.Sqrt(-2 * Math.Log(probability));
        return Horner(C, q) / ((Horner(D, q) * q) + 1);
    }

    /// <summary>c[0] x^(m-1) + … + c[m-1].</summary>
    private static double Horner(double[] coefficients, double x)
    {
        var sum = 0.0;
        foreach (var c in coefficients)
        {
            sum = (sum * x) + c;
        }

        return sum;
    }
}
