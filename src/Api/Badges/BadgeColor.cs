namespace NearNative.Api.Badges;

/// <summary>The shields.io palette, graded by slowdown versus native (or by gain, for a speed-up).</summary>
public static class BadgeColor
{
    public const string NoData = "lightgrey";

    public static string For(double slowdown) => slowdown switch
    {
        <= 1.1 => "brightgreen",
        <= 1.25 => "green",
        <= 1.5 => "yellowgreen",
        <= 2 => "yellow",
        <= 3 => "orange",
        _ => "red",
    };

    /// <summary>For a speed-up, where higher is better: 1× (no gain) is as poor as a 3× slowdown.</summary>
    public static string ForGain(double gain) => gain switch
    {
        >= 10 => "brightgreen",
        >= 4 => "green",
        >= 2 => "yellowgreen",
        >= 1.5 => "yellow",
        >= 1.1 => "orange",
        _ => "red",
    };

    public static string Hex(string color) => color switch
    {
        "brightgreen" => "#4c1",
        "green" => "#97ca00",
        "yellowgreen" => "#a4a61d",
        "yellow" => "#dfb317",
        "orange" => "#fe7d37",
        "red" => "#e05d44",
        _ => "#9f9f9f",
    };
}
