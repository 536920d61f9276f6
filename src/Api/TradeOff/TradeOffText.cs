using System.Globalization;

namespace NearNative.Api.TradeOff;

/// <summary>The text of the trade-off's parameters: decimals and the category weights, read strictly.</summary>
public static class TradeOffText
{
    /// <summary>Digits with at most one decimal point (no sign, exponent, spaces or thousands separators): <c>2.5</c>, <c>0.25</c>, <c>3</c>.</summary>
    public static bool TryParseDecimal(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>
    /// <c>category:weight</c> pairs separated by commas, e.g. <c>compute:3,io:1</c>: every category one of
    /// <paramref name="categories"/> and named once, every weight a decimal from 0 to <see cref="TradeOffParameters.MaxWeight"/>,
    /// at least one above 0. On failure, <paramref name="error"/> says what is wrong.
    /// </summary>
    public static bool TryParseWeights(string text, IReadOnlyList<string> categories, out IReadOnlyList<CategoryWeight> weights, out string? error)
    {
        weights = [];
        error = null;
        var format = string.Create(
            CultureInfo.InvariantCulture,
            $"Must be category:weight pairs separated by commas, e.g. {(categories.Count > 0 ? categories[0] : "compute")}:3, with categories from {string.Join(", ", categories)} and weights from 0 to {TradeOffParameters.MaxWeight}.");
        if (text.Length is 0 or > TradeOffParameters.MaxWeightsLength)
        {
            error = format;
            return false;
        }

        var parsed = new List<CategoryWeight>();
        foreach (var pair in text.Split(','))
        {
            var parts = pair.Split(':');
            if (parts.Length != 2 || !TryParseDecimal(parts[1], out var weight) || weight > TradeOffParameters.MaxWeight)
            {
                error = format;
                return false;
            }

            if (!categories.Contains(parts[0], StringComparer.Ordinal))
            {
                error = $"Unknown category '{Shown(parts[0])}': must be one of {string.Join(", ", categories)}.";
                return false;
            }

            if (parsed.Any(w => w.Category == parts[0]))
            {
                error = $"The category '{parts[0]}' is given twice.";
                return false;
            }

            parsed.Add(new CategoryWeight(parts[0], weight));
        }

        if (!parsed.Any(w => w.Weight > 0))
        {
            error = "At least one weight must be above 0.";
            return false;
        }

        weights = parsed;
        return true;
    }

    /// <summary>A category as the client wrote it, cut short: the problem repeats it, so it stays bounded.</summary>
    private static string Shown(string text) => text.Length <= 32 ? text : text[..32] + "…";
}

/// <param name="Weight">From 0 to <see cref="TradeOffParameters.MaxWeight"/>; only its share of the total matters.</param>
public sealed record CategoryWeight(string Category, double Weight);
