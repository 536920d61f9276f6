using System.Globalization;

namespace NearNative.Agent.Machine;

/// <summary>
/// The <c>some</c> line of <c>/proc/pressure/cpu</c> (Linux 4.20+ with PSI): the share of time in which at least
/// one runnable task waited for a CPU, as a ten-second average and as a running total in microseconds.
/// </summary>
public sealed record CpuPressure(double SomeAvg10, long SomeTotalUs)
{
    public const string Path = "/proc/pressure/cpu";

    /// <summary>Null when the text has no well-formed <c>some</c> line (no PSI, or PSI disabled).</summary>
    public static CpuPressure? Parse(string? text)
    {
        foreach (var line in (text ?? "").Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || fields[0] != "some")
            {
                continue;
            }

            double? avg10 = null;
            long? total = null;
            foreach (var field in fields.Skip(1))
            {
                var (key, value) = field.IndexOf('=') is var i and > 0 ? (field[..i], field[(i + 1)..]) : (field, "");
                if (key == "avg10" && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && a >= 0)
                {
                    avg10 = a;
                }
                else if (key == "total" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
                {
                    total = t;
                }
            }

            return avg10 is { } some && total is { } us ? new CpuPressure(some, us) : null;
        }

        return null;
    }

    public static CpuPressure? Read() => Parse(SystemFiles.TryRead(Path));

    /// <summary>Percentage of a stretch of wall time in which some task waited for a CPU; null when either reading is missing.</summary>
    public static double? PercentBetween(CpuPressure? before, CpuPressure? after, TimeSpan wall)
    {
        if (before is null || after is null || wall <= TimeSpan.Zero)
        {
            return null;
        }

        var stalledUs = Math.Max(0, after.SomeTotalUs - before.SomeTotalUs);
        return Math.Min(100, 100.0 * stalledUs / (wall.Ticks / (double)TimeSpan.TicksPerMicrosecond));
    }
}
