namespace NearNative.Agent.Machine;

/// <summary>Parses <c>/etc/os-release</c>, where the distribution names itself.</summary>
public static class OsRelease
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
            : SystemFiles.Unknown;
    }
}
