using System.Globalization;

namespace NearNative.Api.Leaderboard;

/// <summary>How a runtime-to-native ratio is shown: as a slowdown ("1.14×") and as a speed ("88% of native").</summary>
public static class Slowdown
{
    public static string Format(double ratio)
    {
        var format = ratio switch
        {
            < 10 => "0.00",
            < 100 => "0.0",
            _ => "0",
        };
        return ratio.ToString(format, CultureInfo.InvariantCulture) + "×";
    }

    public static string FormatVersusNative(double ratio) => Format(ratio) + " native";

    public static int SpeedPercent(double ratio) => (int)Math.Round(100 / ratio, MidpointRounding.AwayFromZero);
}
