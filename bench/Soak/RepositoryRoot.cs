using System.Globalization;

namespace NearNative.Soak;

/// <summary>The repository the harness runs from: the nearest folder above the build output holding the solution.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NearNative.slnx")))
            {
                return directory.FullName;
            }
        }

        return Environment.CurrentDirectory.ToString(CultureInfo.InvariantCulture);
    }
}
