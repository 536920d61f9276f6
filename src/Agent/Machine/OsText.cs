using System.Globalization;

namespace NearNative.Agent.Machine;

/// <summary>Parsers for the small text files the operating system describes itself in.</summary>
public static class OsText
{
    /// <summary><c>PRETTY_NAME</c> from <c>/etc/os-release</c>, unquoted; else <c>NAME</c>; else unknown.</summary>
    public static string Distribution(string? osRelease)
    {
        var fields = (osRelease ?? "")
            .Split('\n')
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].Trim())
            .ToDictionary(g => g.Key, g => g.First()[1].Trim().Trim('"', '\''));
        return fields.GetValueOrDefault("PRETTY_NAME") is { Length: > 0 } pretty ? pretty
            : fields.GetValueOrDefault("NAME") is { Length: > 0 } name ? name
            : CpuInfoText.Unknown;
    }

    /// <summary><c>MemTotal</c> from <c>/proc/meminfo</c>, in bytes; 0 when absent.</summary>
    public static long MemoryBytes(string? memInfo)
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
