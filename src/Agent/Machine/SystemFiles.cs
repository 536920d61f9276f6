namespace NearNative.Agent.Machine;

/// <summary>Reads the small files under /proc, /sys and /etc; absent or unreadable files are simply unknown.</summary>
public static class SystemFiles
{
    /// <summary>What a field says when the file that would tell is absent or lacks it.</summary>
    public const string Unknown = "unknown";

    public static string? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
