using System.Diagnostics;
using NearNative.Agent.Measurement;

namespace NearNative.Agent.Tests.Support;

/// <summary>The repository the tests were built from, for tests that check committed files against their sources.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    /// <summary>Runs a committed build script with <c>--check</c> in its own folder: it rebuilds and compares with the committed bytes.</summary>
    public static Task<ProcessResult> RunBuildCheckAsync(string relativeScript, TimeSpan timeout)
    {
        var script = Path.Combine(Root, relativeScript);
        var startInfo = new ProcessStartInfo("bash", [script, "--check"]) { WorkingDirectory = Path.GetDirectoryName(script)! };
        return ProcessRunner.RunAsync(startInfo, timeout, null, CancellationToken.None);
    }

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
