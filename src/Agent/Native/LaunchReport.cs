using System.Text.Json;
using System.Text.Json.Serialization;

namespace NearNative.Agent.Native;

/// <summary>The line <c>nn-exec</c> writes after the measured process ended.</summary>
/// <param name="ExitCode">-1 when the process was killed by a signal.</param>
/// <param name="WallNs">CLOCK_MONOTONIC from just before fork to the end of wait4.</param>
/// <param name="MaxRssBytes">The process's own peak resident set (wait4's ru_maxrss).</param>
/// <param name="PolledRssMaxBytes">Largest VmRSS seen while polling every 20 ms; a lower bound, for the cap.</param>
/// <param name="ExecErrno">Non-zero when the command could not be started.</param>
public sealed record LaunchReport(
    [property: JsonPropertyName("exit_code")] int ExitCode,
    [property: JsonPropertyName("signal")] int Signal,
    [property: JsonPropertyName("wall_ns")] long WallNs,
    [property: JsonPropertyName("max_rss_bytes")] long MaxRssBytes,
    [property: JsonPropertyName("user_ns")] long UserNs,
    [property: JsonPropertyName("sys_ns")] long SysNs,
    [property: JsonPropertyName("polled_rss_max_bytes")] long PolledRssMaxBytes,
    [property: JsonPropertyName("memory_cap_killed")] bool MemoryCapKilled,
    [property: JsonPropertyName("exec_errno")] int ExecErrno)
{
    private static readonly JsonSerializerOptions Options = new() { RespectRequiredConstructorParameters = true };

    /// <summary>Null when the file is absent or not a complete report (the launcher was killed first).</summary>
    public static LaunchReport? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<LaunchReport>(File.ReadAllBytes(path), Options);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
