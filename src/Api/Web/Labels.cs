using System.Globalization;
using NearNative.Api.Leaderboard;
using NearNative.Domain.Cpu;

namespace NearNative.Api.Web;

/// <summary>How the pages name metrics, CPU keys and intervals for people rather than for clients.</summary>
public static class Labels
{
    private static readonly Dictionary<string, string> MetricNames = new(StringComparer.Ordinal)
    {
        [LeaderboardMetric.Execution.Id] = "Speed (kernel time)",
        [LeaderboardMetric.Process.Id] = "Whole-process time",
        [LeaderboardMetric.Memory.Id] = "Peak memory (ratio)",
        [LeaderboardMetric.MemoryFloor.Id] = "Memory floor (MB)",
        [LeaderboardMetric.Startup.Id] = "Process start-up (ms added)",
        [LeaderboardMetric.StartupRatio.Id] = "Process start-up (ratio)",
        [LeaderboardMetric.PreinitGain.Id] = "Pre-initialisation gain",
        [LeaderboardMetric.InstanceStart.Id] = "In-host instance start (µs)",
        [LeaderboardMetric.InstanceDensity.Id] = "Memory per live instance (KB)",
    };

    public static string Metric(LeaderboardMetric metric) =>
        MetricNames.GetValueOrDefault(metric.Id) ?? (metric.Category is { } category ? $"Speed on {category} workloads" : metric.Id);

    public static string Metric(string id) => MetricNames.GetValueOrDefault(id) ?? id;

    /// <summary><c>bare metal</c>, or the hypervisor named as virtual, e.g. <c>virtual (kvm)</c>.</summary>
    public static string Virtualisation(string virtualisation) =>
        virtualisation == CpuKey.BareMetal ? "bare metal" : $"virtual ({virtualisation})";

    /// <summary>A CPU key as a reader scans for theirs: the normalized brand first, then architecture and virtualisation.</summary>
    public static string Cpu(string key)
    {
        var segments = key.Split('/');
        return segments.Length == 5
            ? $"{segments[2]} · {segments[0]} · {Virtualisation(segments[4])}"
            : key;
    }

    public static string Size(string size) => size == "full" ? "full size" : "quick runs";

    /// <summary>An interval in the figure's unit, e.g. <c>1.42× to 1.58×</c> or <c>4.1 to 4.6 ms</c>.</summary>
    public static string Interval(double lower, double upper, string unit) => unit == LeaderboardMetric.RatioUnit
        ? $"{Slowdown.Format(lower)} to {Slowdown.Format(upper)}"
        : $"{Number(lower)} to {Number(upper)} {unit}";

    public static string Number(double value) => value.ToString(value switch
    {
        < 1 => "0.00",
        < 10 => "0.0",
        _ => "0",
    }, CultureInfo.InvariantCulture);

    public static string Percent(double confidence) => confidence.ToString("0%", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
