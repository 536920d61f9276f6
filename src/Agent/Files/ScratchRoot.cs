
namespace NearNative.Agent.Files;

/// <summary>
/// The run's own scratch directory, <c>nearnative-scratch-&lt;random&gt;</c> under <c>--scratch</c> or the system temporary
/// directory: each file I/O process gets a fresh <see cref="ScratchDirectory"/> in it, and every measured process its
/// temporary files (<see cref="TempPath"/>). It must be on a local file system, or the I/O workloads would measure the
/// network and load someone's file server. Disposing it removes it with everything in it, also after Ctrl-C and
/// SIGTERM. A SIGKILL runs no code, so each run holds a lock on <see cref="LockFileName"/> in its directory while it
/// lives (the kernel drops it when the process dies, however it dies) and removes the directories of dead runs whose
/// lock it can take before it makes its own.
/// </summary>
public sealed class ScratchRoot : IDisposable
{
    public const string Prefix = "nearnative-scratch-";

    public const string LockFileName = ".lock";

    private readonly FileStream _lock;

    private ScratchRoot(string path)
    {
        Path = path;
        TempPath = System.IO.Path.Combine(path, "tmp");

        // FileShare.None is an exclusive advisory lock (flock) on Unix: another run's open of it fails while this process lives.
        _lock = new FileStream(System.IO.Path.Combine(path, LockFileName), FileMode.CreateNew, FileAccess.Write, FileShare.None);
        Directory.CreateDirectory(TempPath);
    }

    public string Path { get; }

    /// <summary>Where measured processes keep temporary files (their <c>TMPDIR</c>).</summary>
    public string TempPath { get; }

    /// <param name="parent"><c>--scratch DIR</c>; null for the system temporary directory.</param>
    /// <param name="findNetworkFileSystem">Names the network file system a directory lies on, null for a local one.</param>
    /// <exception cref="AgentException">The directory is missing or on a network file system (exit code 2, one line).</exception>
    public static ScratchRoot Create(string? parent, Func<string, string?>? findNetworkFileSystem = null)
    {
        var what = parent is null ? "the temporary directory" : "--scratch";
        var directory = System.IO.Path.GetFullPath(parent ?? System.IO.Path.GetTempPath());
        if (!Directory.Exists(directory))
        {
            throw AgentException.Usage($"{what} {directory} is not a directory");
        }

        if ((findNetworkFileSystem ?? NetworkFileSystem.Find)(directory) is { } network)
        {
            throw AgentException.Usage(
                $"{what} {directory} is on a network file system ({network}); the I/O workloads need a local disk: give one with --scratch DIR");
        }

        RemoveAbandoned(directory);
        var path = System.IO.Path.Combine(directory, Prefix + Guid.NewGuid().ToString("N")[..12]);
        // Owner-only: the system temporary directory is shared with every other user.
        PrivateFile.EnsureDirectory(path);
        return new ScratchRoot(path);
    }

    public void Dispose()
    {
        _lock.Dispose();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }

    /// <summary>
    /// Removes the scratch directories in <paramref name="parent"/> of runs that died without removing them (a SIGKILL, a
    /// power cut): those whose lock file exists and can be locked. A live run's lock cannot be taken; another user's
    /// directory cannot be opened; a directory without the lock file is left alone, since it may be one being made.
    /// </summary>
    public static void RemoveAbandoned(string parent)
    {
        foreach (var directory in Directory.EnumerateDirectories(parent, Prefix + "*"))
        {
            try
            {
                using (new FileStream(System.IO.Path.Combine(directory, LockFileName), FileMode.Open, FileAccess.Write, FileShare.None))
                {
                }

                Directory.Delete(directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A live run's, another user's, or already removed by someone else.
            }
        }
    }
}
