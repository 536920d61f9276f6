using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace NearNative.Agent.Native;

/// <summary>The SHA-256 of a helper's committed build for each architecture the agent ships for.</summary>
public sealed record PinnedHashes(string X64, string Arm64)
{
    /// <summary>The hash for <paramref name="architecture"/>; null where the agent ships no build.</summary>
    public string? For(Architecture architecture) => architecture switch
    {
        Architecture.X64 => X64,
        Architecture.Arm64 => Arm64,
        _ => null,
    };
}

/// <summary>
/// A committed native helper shipped next to the agent (built reproducibly by <c>src/Agent/Native/build</c>): used only when
/// its SHA-256 is the pinned one, so every machine runs the same launcher and host bytes.
/// </summary>
public static class PinnedBinary
{
    /// <summary>The full path of <paramref name="fileName"/> in <paramref name="directory"/>, or null with the reason it cannot be used.</summary>
    public static string? Locate(string directory, string fileName, PinnedHashes pinned, out string? problem)
    {
        var path = Path.Combine(directory, fileName);
        if (!OperatingSystem.IsLinux())
        {
            problem = "it is Linux only";
            return null;
        }

        if (pinned.For(RuntimeInformation.OSArchitecture) is not { } sha256)
        {
            problem = $"the agent ships no {fileName} for {RuntimeInformation.OSArchitecture}";
            return null;
        }

        if (!File.Exists(path))
        {
            problem = $"{fileName} is missing next to the agent";
            return null;
        }

        using (var stream = File.OpenRead(path))
        {
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(stream)), sha256, StringComparison.Ordinal))
            {
                problem = $"{fileName} next to the agent is not the expected build (SHA-256 differs)";
                return null;
            }
        }

        if ((File.GetUnixFileMode(path) & UnixFileMode.UserExecute) == 0)
        {
            problem = $"{fileName} next to the agent is not executable";
            return null;
        }

        problem = null;
        return path;
    }
}
