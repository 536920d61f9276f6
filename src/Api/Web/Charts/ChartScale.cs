using System.Globalization;

namespace NearNative.Api.Web.Charts;

/// <summary>
/// Maps a figure to a position from 0 to 1 along a chart's axis: on a logarithmic axis for ratios to native (so 2×
/// slower and 2× faster are the same distance from native's 1×), on a linear axis from zero for amounts.
/// </summary>
public sealed class ChartScale
{
    private static readonly double[] Steps = [1, 2, 5, 10];

    private static readonly double[] RatioTicks = [0.25, 0.5, 1, 1.5, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1000];

    private readonly double _low;
    private readonly double _high;

    private ChartScale(bool logarithmic, double low, double high)
    {
        Logarithmic = logarithmic;
        _low = logarithmic ? Math.Log(low) : low;
        _high = logarithmic ? Math.Log(high) : high;
        Ticks = logarithmic ? [.. RatioTicks.Where(t => t >= low && t <= high)] : LinearTicks(high);
    }

    public bool Logarithmic { get; }

    /// <summary>Values worth a grid line and a label, inside the axis.</summary>
    public IReadOnlyList<double> Ticks { get; }

    /// <summary>An axis that holds every interval end given; a ratio axis always holds native's 1×.</summary>
    public static ChartScale For(IEnumerable<ChartRow> rows, bool logarithmic)
    {
        var ends = rows.SelectMany(r => new[] { r.Lower, r.Value, r.Upper }).Where(double.IsFinite).ToList();
        if (logarithmic)
        {
            var positive = ends.Where(v => v > 0).Append(1.0).ToList();
            return new ChartScale(true, positive.Min() / 1.1, positive.Max() * 1.1);
        }

        var high = ends.Append(0).Max();
        return new ChartScale(false, 0, high > 0 ? high * 1.1 : 1);
    }

    /// <summary>Where <paramref name="value"/> falls, 0 at the axis' start and 1 at its end, clamped to the axis.</summary>
    public double Position(double value)
    {
        var at = Logarithmic ? Math.Log(Math.Max(value, double.Epsilon)) : value;
        return Math.Clamp((at - _low) / (_high - _low), 0, 1);
    }

    public static string TickLabel(double value, bool logarithmic) =>
        value.ToString(value < 1 ? "0.##" : "0.#", CultureInfo.InvariantCulture) + (logarithmic ? "×" : "");

    /// <summary>A number written into an SVG attribute.</summary>
    public static string Svg(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Four or five round steps (1, 2 or 5 times a power of ten) from zero.</summary>
    private static double[] LinearTicks(double high)
    {
        var rough = high / 4;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = Steps.Select(m => m * power).First(s => s >= rough);
        return [.. Enumerable.Range(0, (int)Math.Floor(high / step) + 1).Select(i => i * step)];
    }
}
