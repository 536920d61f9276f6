using System.Text.RegularExpressions;

namespace NearNative.Api.Badges;

/// <summary>
/// A CPU brand string short enough for a badge label: without trademark signs, the words "CPU" and "Processor"
/// and the clock speed, e.g. <c>Intel Core i7-9700K</c>. Everything else stays as reported, markup included: the
/// badge escapes it.
/// </summary>
public static partial class CpuDisplayName
{
    public static string Of(string brand)
    {
        var name = Noise().Replace(brand, " ");
        name = Clock().Replace(name, " ");
        return Spaces().Replace(name, " ").Trim();
    }

    [GeneratedRegex(@"\((?:R|TM|r|tm)\)|[®™]|\b(?:CPU|Processor)\b")]
    private static partial Regex Noise();

    [GeneratedRegex(@"@\s*[0-9.]+\s*[GM]Hz", RegexOptions.IgnoreCase)]
    private static partial Regex Clock();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
