using NearNative.Api.Leaderboard;

namespace NearNative.Api.Badges;

/// <summary>The shields.io palette, graded by slowdown versus native, by gain for a speed-up, or by the amount for milliseconds and megabytes.</summary>
public static class BadgeColor
{
    public const string NoData = "lightgrey";

    /// <summary>The colour of a metric's value: graded by its unit and direction.</summary>
    public static string For(LeaderboardMetric metric, double value) => metric.Unit switch
    {
        LeaderboardMetric.MillisecondsUnit => ForAddedMs(value),
        LeaderboardMetric.MegabytesUnit => ForFloorMb(value),
        LeaderboardMetric.MicrosecondsUnit => ForInstanceStartUs(value),
        LeaderboardMetric.KilobytesUnit => ForInstanceKb(value),
        _ when metric.HigherIsBetter => ForGain(value),
        _ => For(value),
    };

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

    /// <summary>Start-up added to native: a millisecond goes unnoticed, a tenth of a second does not.</summary>
    public static string ForAddedMs(double ms) => ms switch
    {
        <= 1 => "brightgreen",
        <= 5 => "green",
        <= 20 => "yellowgreen",
        <= 50 => "yellow",
        <= 200 => "orange",
        _ => "red",
    };

    /// <summary>Memory floor in MB: a few MB is a small process's own size, a hundred is a browser engine's.</summary>
    public static string ForFloorMb(double mb) => mb switch
    {
        <= 5 => "brightgreen",
        <= 10 => "green",
        <= 25 => "yellowgreen",
        <= 50 => "yellow",
        <= 100 => "orange",
        _ => "red",
    };

    /// <summary>Instance start: tens of microseconds is an isolate's start, a few hundred is already a native process's.</summary>
    public static string ForInstanceStartUs(double us) => us switch
    {
        <= 10 => "brightgreen",
        <= 50 => "green",
        <= 200 => "yellowgreen",
        <= 1000 => "yellow",
        <= 5000 => "orange",
        _ => "red",
    };

    /// <summary>KB per live instance: tens of KB let a host keep thousands alive, megabytes a few hundred.</summary>
    public static string ForInstanceKb(double kb) => kb switch
    {
        <= 16 => "brightgreen",
        <= 64 => "green",
        <= 256 => "yellowgreen",
        <= 1024 => "yellow",
        <= 4096 => "orange",
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
