namespace NearNative.EndToEnd.Tests;

/// <summary>Where the built API and agent live, found from this test assembly's own build output.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release, whichever this test assembly was built as.</summary>
    private static string Configuration { get; } = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    public static string ApiAssembly => Path.Combine(Root, "src", "Api", "bin", Configuration, "net10.0", "NearNative.Api.dll");

    public static string AgentAssembly => Path.Combine(Root, "src", "Agent", "bin", Configuration, "net10.0", "linux-x64", "nearnative.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NearNative.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NearNative.slnx not found above " + AppContext.BaseDirectory);
    }
}
