namespace NearNative.Api.Badges;

/// <summary>The shields.io palette, graded by slowdown versus native.</summary>
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
