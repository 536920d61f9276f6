using System.Globalization;
using System.Text.RegularExpressions;

namespace NearNative.Agent.Measurement;

/// <summary>Sizes on the command line: <c>4G</c>, <c>512M</c>, <c>4GiB</c>, <c>500MB</c>, or a bare number of bytes (binary units throughout).</summary>
public static partial class ByteSizeText
{
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var match = Size().Match(text?.Trim() ?? "");
        if (!match.Success || !double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        var shift = char.ToUpperInvariant(match.Groups["u"].Value.FirstOrDefault()) switch
        {
            'K' => 10,
            'M' => 20,
            'G' => 30,
            'T' => 40,
            _ => 0,
        };
        var value = n * Math.Pow(2, shift);
        if (!double.IsFinite(value) || value < 1 || value > long.MaxValue / 2)
        {
            return false;
        }

        bytes = (long)value;
        return true;
    }

    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GiB",
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.#} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):0.#} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
    };

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)\s*(?<u>[KMGT](?:i?B)?|B)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Size();
}
