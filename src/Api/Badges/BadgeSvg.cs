using System.Globalization;
using System.Security;
using System.Text;

namespace NearNative.Api.Badges;

/// <summary>
/// Renders the badge styles READMEs show, as shields.io draws them: "flat" (grey label, coloured message, rounded
/// corners, a faint gradient and a text shadow) and "flat-square" (square corners, no gradient, no shadow). Text
/// is laid out at 10× scale, as shields does, for sub-pixel precision.
/// </summary>
public static class BadgeSvg
{
    private const int Padding = 5;

    public static string Render(string label, string message, string color, BadgeStyle style = BadgeStyle.Flat)
    {
        var labelWidth = Width(label);
        var messageWidth = Width(message);
        var total = labelWidth + messageWidth;
        var labelText = Escape(label);
        var messageText = Escape(message);
        var fill = BadgeColor.Hex(color);
        var shadow = style == BadgeStyle.Flat;
        var texts = Text(labelText, labelWidth * 5, labelWidth, shadow) + Text(messageText, (labelWidth * 10) + (messageWidth * 5), messageWidth, shadow);
        var head = string.Create(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" aria-label="{labelText}: {messageText}"><title>{labelText}: {messageText}</title>""");
        var body = style == BadgeStyle.FlatSquare
            ? string.Create(CultureInfo.InvariantCulture,
                $"""<g shape-rendering="crispEdges"><rect width="{labelWidth}" height="20" fill="#555"/><rect x="{labelWidth}" width="{messageWidth}" height="20" fill="{fill}"/></g>""")
            : string.Create(CultureInfo.InvariantCulture,
                $"""<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="{total}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="{labelWidth}" height="20" fill="#555"/><rect x="{labelWidth}" width="{messageWidth}" height="20" fill="{fill}"/><rect width="{total}" height="20" fill="url(#s)"/></g>""");
        return head + body + $"""<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="110">{texts}</g></svg>""";
    }

    /// <summary>The text, with the flat style's faint shadow under it.</summary>
    private static string Text(string escaped, int x, int boxWidth, bool shadow)
    {
        var length = (boxWidth - (2 * Padding)) * 10;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"""<text x="{x}" y="140" transform="scale(.1)" fill="#fff" textLength="{length}">{escaped}</text>""");
        return shadow
            ? string.Create(CultureInfo.InvariantCulture,
                $"""<text aria-hidden="true" x="{x}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)" textLength="{length}">{escaped}</text>""") + text
            : text;
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
