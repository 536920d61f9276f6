namespace NearNative.Domain.Results;

/// <summary>
/// The raw measurement of starting many instances, the figure serverless platforms live by: a runtime's instance of
/// a pre-linked empty module in a host that is already running (<see cref="InHost"/>), or, for scale, a native
/// process of the empty program started by one of the ways an operating system offers (runtime <c>native</c>).
/// Every figure shown is computed from these values by the server (<see cref="Statistics.InstanceStartFigures"/>).
/// </summary>
/// <param name="Runtime">A runtime id of the document, or <c>native</c> for the baselines.</param>
/// <param name="Method"><see cref="InHost"/> for a runtime; <see cref="ForkExec"/>, <see cref="PosixSpawn"/> or <see cref="Namespaced"/> for native.</param>
/// <param name="StartNs">Measured starts, one per instance: from nothing to the instance's <c>_start</c> (or the process's exit) returning.</param>
/// <param name="WarmupNs">The starts before them, kept and not scored.</param>
/// <param name="LiveInstances">How many instances were then created and kept alive at once; 0 when memory was not measured.</param>
/// <param name="ResidentBytesBefore">The host's resident set before creating the live instances.</param>
/// <param name="ResidentBytesAfter">The host's resident set with all of them alive.</param>
/// <param name="UnavailableReason">Why the method could not run here (e.g. the kernel forbids unprivileged namespaces); then there are no values.</param>
public sealed record InstanceStart(
    string Runtime,
    string Method,
    IReadOnlyList<long> StartNs,
    IReadOnlyList<long> WarmupNs,
    int LiveInstances,
    long? ResidentBytesBefore,
    long? ResidentBytesAfter,
    string? UnavailableReason = null)
{
    /// <summary>A fresh store, WASI context and instance of a module compiled and pre-linked once, then <c>_start</c>.</summary>
    public const string InHost = "in-host";

    /// <summary>fork, execve and waitpid of the native empty program: how a shell starts a process.</summary>
    public const string ForkExec = "fork-exec";

    /// <summary>posix_spawn and waitpid of the native empty program: the cheapest general way to start a process.</summary>
    public const string PosixSpawn = "posix-spawn";

    /// <summary>
    /// fork, then new user, PID, mount, network, IPC and UTS namespaces (unshare), then fork and execve: the isolation
    /// a container adds, without an image.
    /// </summary>
    public const string Namespaced = "namespaced";

    public static IReadOnlyList<string> NativeMethods { get; } = [ForkExec, PosixSpawn, Namespaced];

    public static InstanceStart Unavailable(string runtime, string method, string reason) =>
        new(runtime, method, [], [], 0, null, null, reason);
}
