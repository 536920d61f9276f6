using System.Globalization;
using System.Text.RegularExpressions;

namespace NearNative.Agent.Commands;

/// <summary>Durations on the command line: <c>90s</c>, <c>15m</c>, <c>1h30m</c>, <c>00:15:00</c>, or a bare number of seconds.</summary>
public static partial class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        text = text?.Trim() ?? "";
        if (text.Length == 0)
        {
            return false;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return FromSeconds(seconds, out duration);
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration) && duration >= TimeSpan.Zero;
        }

        var match = Units().Match(text);
        if (!match.Success)
        {
            return false;
        }

        double Part(string name) => match.Groups[name].Success ? double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        return FromSeconds((Part("h") * 3600) + (Part("m") * 60) + Part("s"), out duration);
    }

    private static bool FromSeconds(double seconds, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (!double.IsFinite(seconds) || seconds < 0 || seconds > TimeSpan.FromDays(7).TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    [GeneratedRegex(@"^(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m(?!s))?(?:(?<s>\d+(?:\.\d+)?)s)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Units();
}
