namespace NearNative.Agent.Tests.Support;

/// <summary>The repository the tests were built from, for tests that check committed files against their sources.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NearNative.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("NearNative.slnx not found above " + AppContext.BaseDirectory);
    }
}
