namespace NearNative.Agent.Files;

/// <summary>
/// A fresh, empty directory for one process of a file I/O workload, removed with everything in it when
/// disposed, so no sample sees another's files and nothing is left behind.
/// </summary>
public sealed class ScratchDirectory : IDisposable
{
    private ScratchDirectory(string path) => Path = path;

    public string Path { get; }

    public static ScratchDirectory Create(string root)
    {
        var path = System.IO.Path.Combine(root, "run-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return new ScratchDirectory(path);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
