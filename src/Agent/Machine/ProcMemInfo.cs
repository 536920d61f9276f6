using System.Globalization;

namespace NearNative.Agent.Machine;

/// <summary>Parses <c>/proc/meminfo</c>, the kernel's account of the machine's memory.</summary>
public static class ProcMemInfo
{
    /// <summary><c>MemTotal</c> from <c>/proc/meminfo</c>, in bytes; 0 when absent.</summary>
    public static long TotalBytes(string? memInfo)
    {
        foreach (var line in (memInfo ?? "").Split('\n'))
        {
            if (!line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = line["MemTotal:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 1 && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                var unit = parts.Length >= 2 ? parts[1].ToLowerInvariant() : "kb";
                return unit switch
                {
                    "kb" => value * 1024,
                    "mb" => value * 1024 * 1024,
                    _ => value,
                };
            }
        }

        return 0;
    }
}
