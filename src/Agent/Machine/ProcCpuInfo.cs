using System.Globalization;

namespace NearNative.Agent.Machine;

/// <summary>A parsed <c>/proc/cpuinfo</c>: what it says about the CPU, as far as the CPU key needs it.</summary>
public sealed record ProcCpuInfo(
    string Vendor,
    string Brand,
    int? Family,
    int? Model,
    int? Stepping,
    int LogicalCores,
    bool HypervisorFlag)
{
    /// <summary>Reads the first processor's fields and counts the processors; missing fields stay unknown.</summary>
    public static ProcCpuInfo Parse(string text)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        var processors = 0;
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (key == "processor")
            {
                processors++;
            }
            else if (processors <= 1)
            {
                first.TryAdd(key, value);
            }
        }

        var flags = first.GetValueOrDefault("flags") ?? first.GetValueOrDefault("Features") ?? "";
        return new ProcCpuInfo(
            NonEmpty(first.GetValueOrDefault("vendor_id") ?? first.GetValueOrDefault("CPU implementer")),
            NonEmpty(first.GetValueOrDefault("model name") ?? first.GetValueOrDefault("Hardware")),
            Integer(first.GetValueOrDefault("cpu family")),
            Integer(first.GetValueOrDefault("model")),
            Integer(first.GetValueOrDefault("stepping")),
            Math.Max(processors, 1),
            flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("hypervisor"));
    }

    private static string NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? SystemFiles.Unknown : value;

    private static int? Integer(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
}
