using System.Globalization;
using System.Security;
using System.Text;

namespace NearNative.Api.Badges;

/// <summary>
/// Renders the flat badge style READMEs show (shields.io's "flat"): grey label, coloured message, rounded
/// corners, a faint gradient and a text shadow. Text is laid out at 10× scale, as shields does, for
/// sub-pixel precision.
/// </summary>
public static class BadgeSvg
{
    private const int Padding = 5;

    public static string Render(string label, string message, string color)
    {
        var labelWidth = Width(label);
        var messageWidth = Width(message);
        var total = labelWidth + messageWidth;
        var labelText = Escape(label);
        var messageText = Escape(message);
        var fill = BadgeColor.Hex(color);
        return string.Create(CultureInfo.InvariantCulture, $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" aria-label="{labelText}: {messageText}"><title>{labelText}: {messageText}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="{total}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="{labelWidth}" height="20" fill="#555"/><rect x="{labelWidth}" width="{messageWidth}" height="20" fill="{fill}"/><rect width="{total}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="110">{Text(labelText, labelWidth * 5, labelWidth)}{Text(messageText, (labelWidth * 10) + (messageWidth * 5), messageWidth)}</g></svg>
            """);
    }

    private static string Text(string escaped, int x, int boxWidth)
    {
        var length = (boxWidth - (2 * Padding)) * 10;
        return string.Create(CultureInfo.InvariantCulture,
            $"""<text aria-hidden="true" x="{x}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" textLength="{length}">{escaped}</text><text x="{x}" y="140" transform="scale(.1)" fill="#fff" textLength="{length}">{escaped}</text>""");
    }

    private static int Width(string text) => (int)Math.Ceiling(VerdanaWidths.Measure(text)) + (2 * Padding);

    /// <summary>
    /// Escapes for both element content and attribute values, and drops what XML cannot hold at all
    /// (control characters, lone surrogates): runtime names are untrusted.
    /// </summary>
    private static string Escape(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsControl(rune) && rune != Rune.ReplacementChar)
            {
                clean.Append(rune.ToString());
            }
        }

        return SecurityElement.Escape(clean.ToString());
    }
}
