using System.Globalization;
using NearNative.Domain.Results;

namespace NearNative.Agent.Native;

/// <summary>
/// The native baselines of instance start (<c>nn-spawn.c</c> next to this file): the native empty program started
/// many times by fork and exec, by posix_spawn, and in fresh namespaces, for scale beside a runtime's in-host start.
/// </summary>
public sealed class NnSpawn
{
    public const string FileName = "nn-spawn";

    /// <summary>SHA-256 of the committed x86-64 binary, as <c>src/Agent/Native/build</c> prints it; any other file is refused.</summary>
    public const string Sha256X64 = "ee5a7430bfab189d5883703f6af2d050e827e441e1d6ed03a7fe49bae31ff2d4";

    /// <summary>SHA-256 of the committed aarch64 binary.</summary>
    public const string Sha256Arm64 = "12bfe53b9cc6804f5c600aec36aabb9c6f40b983d31cc76c05e41c8cd07707e4";

    public static PinnedHashes Pinned { get; } = new(Sha256X64, Sha256Arm64);

    private NnSpawn(string path) => Path = path;

    public string Path { get; }

    /// <summary>The verified helper in <paramref name="directory"/>, or null with the reason it cannot be used.</summary>
    public static NnSpawn? Locate(string directory, out string? problem) =>
        PinnedBinary.Locate(directory, FileName, Pinned, out problem) is { } path ? new NnSpawn(path) : null;

    /// <summary>Arguments for <paramref name="count"/> timed starts of <paramref name="program"/> by <paramref name="method"/> (one of <see cref="InstanceStart.NativeMethods"/>).</summary>
    public static IReadOnlyList<string> Arguments(string method, int warmup, int count, string program, IReadOnlyList<string> arguments) =>
        [method, warmup.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture), program, .. arguments];
}
