namespace NearNative.Agent.Tests.Support;

/// <summary>The real suite: the copy shipped next to the agent, else the repository's <c>suite/</c>.</summary>
internal static class TestSuite
{
    public static string Directory { get; } = Find();

    /// <summary>The checksum the manifest expects of <paramref name="workload"/> at <paramref name="size"/>.</summary>
    public static string Checksum(string workload, string size) =>
        Domain.Suite.SuiteManifest.Load(Path.Combine(Directory, "manifest.json")).Find(workload)!.Checksums[size];

    /// <summary>Copies the suite so a test can damage it without touching the real one.</summary>
    public static void CopyTo(string target)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Directory, file);
            if (relative.StartsWith("src", StringComparison.Ordinal) || relative.StartsWith("build", StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static string Find()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "suite");
        if (File.Exists(Path.Combine(beside, "manifest.json")))
        {
            return beside;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "suite");
            if (File.Exists(Path.Combine(candidate, "manifest.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("no suite/manifest.json next to the tests or above them");
    }
}
