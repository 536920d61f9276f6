using System.Diagnostics;
using System.Globalization;

namespace NearNative.Agent.Native;

/// <summary>
/// The launcher every measured process goes through (<c>nn-exec.c</c> next to this file). It really forks, so the
/// measured process's peak resident set is its own rather than at least the agent's (a child of .NET is started with
/// vfork semantics, and Linux counts the parent's resident set at exec into the child's <c>ru_maxrss</c>).
/// It also applies the child limits and kills a process above the memory cap.
/// </summary>
public sealed class NnExec
{
    public const string FileName = "nn-exec";

    /// <summary>SHA-256 of the committed x86-64 binary, as <c>src/Agent/Native/build</c> prints it; any other file is refused.</summary>
    public const string Sha256X64 = "98c345cb51cf8ced775f93379febfd5d2c7124c6f35d95bc2f437f43b70928b4";

    /// <summary>SHA-256 of the committed aarch64 binary.</summary>
    public const string Sha256Arm64 = "1c6d0e35c9935b17418e3cf82b1fb72592c6f08c4a2d93b115bad4a863b4dc88";

    public static PinnedHashes Pinned { get; } = new(Sha256X64, Sha256Arm64);

    private NnExec(string path) => Path = path;

    public string Path { get; }

    /// <summary>The verified launcher in <paramref name="directory"/>, or null with the reason it cannot be used.</summary>
    public static NnExec? Locate(string directory, out string? problem) =>
        PinnedBinary.Locate(directory, FileName, Pinned, out problem) is { } path ? new NnExec(path) : null;

    /// <summary>The same command, started through the launcher with the given limits, reporting to <paramref name="reportPath"/>.</summary>
    public ProcessStartInfo Wrap(ProcessStartInfo inner, ChildLimits limits, string reportPath)
    {
        if (inner.Arguments.Length > 0)
        {
            throw new ArgumentException("Only commands built with ArgumentList can be wrapped.", nameof(inner));
        }

        var wrapped = new ProcessStartInfo(Path) { WorkingDirectory = inner.WorkingDirectory };
        wrapped.ArgumentList.Add("--report");
        wrapped.ArgumentList.Add(reportPath);

        // The launcher kills the measured process and exits when the agent is gone, even after a SIGKILL.
        wrapped.ArgumentList.Add("--parent");
        wrapped.ArgumentList.Add(Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (limits.Nice > 0)
        {
            wrapped.ArgumentList.Add("--nice");
            wrapped.ArgumentList.Add(limits.Nice.ToString(CultureInfo.InvariantCulture));
        }

        if (limits.IdleIo)
        {
            wrapped.ArgumentList.Add("--ioprio-idle");
        }

        if (limits.Core is { } core)
        {
            wrapped.ArgumentList.Add("--core");
            wrapped.ArgumentList.Add(core.ToString(CultureInfo.InvariantCulture));
        }

        if (limits.MemoryCapBytes is { } cap)
        {
            wrapped.ArgumentList.Add("--mem-cap");
            wrapped.ArgumentList.Add(cap.ToString(CultureInfo.InvariantCulture));
        }

        wrapped.ArgumentList.Add("--");
        wrapped.ArgumentList.Add(inner.FileName);
        foreach (var argument in inner.ArgumentList)
        {
            wrapped.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in inner.Environment)
        {
            wrapped.Environment[name] = value;
        }

        return wrapped;
    }
}
