using System.Diagnostics;

namespace NearNative.Agent.Native;

/// <summary>
/// What every measured process finds in its environment on top of the agent's own, so that nothing it writes lands
/// outside the agent's home and the run's scratch directory. Temporary files go to the scratch directory, and so do
/// caches kept under <c>XDG_CACHE_HOME</c> (the Wasmtime CLI's, for one), so they last one run. .NET children (the
/// Wasmtime host is this agent started again) open no diagnostic sockets or debugger pipes in <c>/tmp</c>, write no crash
/// dumps or perf maps, and a single-file agent extracts its native library under the home directory. Variables that make
/// Node write profiles, coverage or a compile cache are removed.
/// </summary>
/// <param name="Home">The agent's own directory (<c>$NEARNATIVE_HOME</c>).</param>
/// <param name="TempPath">The run's scratch directory for temporary files.</param>
public sealed record ChildEnvironment(string Home, string TempPath)
{
    public const string BundleDirectoryName = "dotnet-bundle";

    /// <summary>
    /// Node's own ways of writing files at a user's request. <c>NODE_OPTIONS</c> goes too: it could add
    /// <c>--cpu-prof</c> or a report directory, and would silently change the node row's declared flags.
    /// </summary>
    public static IReadOnlyList<string> Removed { get; } = ["NODE_OPTIONS", "NODE_COMPILE_CACHE", "NODE_V8_COVERAGE"];

    public IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["TMPDIR"] = TempPath,
        ["TMP"] = TempPath,
        ["TEMP"] = TempPath,
        ["XDG_CACHE_HOME"] = Path.Combine(TempPath, "cache"),
        ["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = Path.Combine(Home, BundleDirectoryName),
        ["DOTNET_EnableDiagnostics"] = "0",
        ["DOTNET_DbgEnableMiniDump"] = "0",
        ["DOTNET_PerfMapEnabled"] = "0",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    public void ApplyTo(ProcessStartInfo startInfo)
    {
        foreach (var name in Removed)
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (name, value) in Variables)
        {
            startInfo.Environment[name] = value;
        }
    }
}
