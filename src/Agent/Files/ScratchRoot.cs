
namespace NearNative.Agent.Files;

/// <summary>
/// The run's own scratch directory, <c>nearnative-scratch-&lt;random&gt;</c> under <c>--scratch</c> or the system temporary
/// directory: each file I/O process gets a fresh <see cref="ScratchDirectory"/> in it, and every measured process its
/// temporary files (<see cref="TempPath"/>). It must be on a local file system, or the I/O workloads would measure the
/// network and load someone's file server. Disposing it removes it with everything in it, also after Ctrl-C.
/// </summary>
public sealed class ScratchRoot : IDisposable
{
    public const string Prefix = "nearnative-scratch-";

    private ScratchRoot(string path)
    {
        Path = path;
        TempPath = System.IO.Path.Combine(path, "tmp");
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

        var path = System.IO.Path.Combine(directory, Prefix + Guid.NewGuid().ToString("N")[..12]);
        // Owner-only: the system temporary directory is shared with every other user.
        PrivateFile.EnsureDirectory(path);
        return new ScratchRoot(path);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }
}
