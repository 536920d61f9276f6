namespace NearNative.Api.Badges;

/// <summary>
/// Approximate advance widths of Verdana at 11px, the badge font, for printable ASCII. Other characters are
/// counted as wide as 'W'-ish glyphs, which errs on a badge a little too wide rather than clipped text.
/// </summary>
public static class VerdanaWidths
{
    private const double Fallback = 10.0;

    // Index 0 is ' ' (32), the last '~' (126).
    private static readonly double[] Ascii =
    [
        3.87, 4.33, 5.05, 9.00, 6.99, 11.84, 7.99, 2.95, 4.99, 4.99, 6.99, 9.00, 4.00, 4.99, 4.00, 4.99,
        6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 6.99, 4.99, 4.99, 9.00, 9.00, 9.00, 5.99,
        11.00, 7.52, 7.54, 7.68, 8.48, 6.96, 6.32, 8.53, 8.27, 4.63, 5.00, 7.62, 6.12, 9.27, 8.23, 8.66,
        6.63, 8.66, 7.65, 7.52, 6.78, 8.05, 7.52, 10.88, 7.54, 6.77, 7.54, 4.99, 4.99, 4.99, 9.00, 6.99,
        6.99, 6.61, 6.85, 5.73, 6.85, 6.55, 3.87, 6.85, 6.96, 3.02, 3.79, 6.51, 3.02, 10.70, 6.96, 6.68,
        6.85, 6.85, 4.69, 5.73, 4.33, 6.96, 6.51, 8.98, 6.51, 6.51, 5.78, 6.98, 4.99, 6.98, 9.00,
    ];

    public static double Measure(string text)
    {
        var width = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += rune.Value switch
            {
                >= 32 and <= 126 => Ascii[rune.Value - 32],
                0xD7 => 9.00, // ×, in every message
                _ => Fallback,
            };
        }

        return width;
    }
}
