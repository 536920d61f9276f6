namespace NearNative.Agent.Suite;

/// <summary>Finds the suite directory: <c>--suite</c>, else <c>NEARNATIVE_SUITE</c>, else next to the executable, else up from the current directory.</summary>
public static class SuiteLocator
{
    public const string ManifestFileName = "manifest.json";
    public const string FolderName = "suite";

    public static string Locate(string? fromOption, string? fromEnvironment, string executableDirectory, string currentDirectory)
    {
        if (fromOption is not null)
        {
            return RequireManifest(fromOption, "--suite");
        }

        if (fromEnvironment is not null)
        {
            return RequireManifest(fromEnvironment, AgentContext.SuiteVariable);
        }

        var besideExecutable = Path.Combine(executableDirectory, FolderName);
        if (File.Exists(Path.Combine(besideExecutable, ManifestFileName)))
        {
            return besideExecutable;
        }

        for (var directory = new DirectoryInfo(currentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, FolderName);
            if (File.Exists(Path.Combine(candidate, ManifestFileName)))
            {
                return candidate;
            }
        }

        throw AgentException.Usage($"no suite found: pass --suite DIR or set {AgentContext.SuiteVariable}");
    }

    private static string RequireManifest(string directory, string source)
    {
        var full = Path.GetFullPath(directory);
        return File.Exists(Path.Combine(full, ManifestFileName))
            ? full
            : throw AgentException.Usage($"no {ManifestFileName} in the suite directory given by {source}: {directory}");
    }
}
