using System.Globalization;

namespace NearNative.Api.Leaderboard;

/// <summary>How an amount is shown: about two significant digits, the unit spelled out.</summary>
public static class Amount
{
    /// <summary>Signed, since it is added to native: <c>+4.2 ms</c>, <c>+0.35 ms</c>, <c>+120 ms</c>, <c>-0.10 ms</c>.</summary>
    public static string Milliseconds(double ms) => (ms < 0 ? "-" : "+") + Number(Math.Abs(ms)) + " ms";

    /// <summary><c>9.8 MB</c>, <c>0.85 MB</c>, <c>42 MB</c>.</summary>
    public static string Megabytes(double mb) => Number(mb) + " MB";

    /// <summary><c>19 µs</c>, <c>4.5 µs</c>, <c>1200 µs</c>: a millisecond is still shown in microseconds, so rows compare at a glance.</summary>
    public static string Microseconds(double us) => Number(us) + " µs";

    /// <summary><c>25 KB</c>, <c>6.9 KB</c>.</summary>
    public static string Kilobytes(double kb) => Number(kb) + " KB";

    private static string Number(double value) => value.ToString(
        value switch
        {
            < 1 => "0.00",
            < 10 => "0.0",
            _ => "0",
        },
        CultureInfo.InvariantCulture);
}
