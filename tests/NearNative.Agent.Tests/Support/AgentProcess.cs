using System.Diagnostics;

namespace NearNative.Agent.Tests.Support;

/// <summary>
/// Runs the real agent as a separate process, as a contributor would. Used for <c>run</c>, which lowers its
/// own priority and pins itself to a core: the test host must not be changed that way.
/// </summary>
internal static class AgentProcess
{
    public static Task<CliResult> RunAsync(string home, params string[] args) => RunAsync(home, path: null, args);

    /// <summary>With a PATH the test chooses, so which runtimes the agent finds is under the test's control.</summary>
    public static Task<CliResult> RunWithPathAsync(string home, string path, params string[] args) => RunAsync(home, path, args);

    /// <summary>Starts the agent and returns at once, for a test that stops it mid-run; its output is redirected.</summary>
    public static Process Start(string home, params string[] args) => Process.Start(StartInfo(home, path: null, args))!;

    private static async Task<CliResult> RunAsync(string home, string? path, string[] args)
    {
        using var process = Process.Start(StartInfo(home, path, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(limit.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    private static ProcessStartInfo StartInfo(string home, string? path, string[] args)
    {
        var self = AgentExecutable.Current();
        var startInfo = new ProcessStartInfo(self.FileName, [.. self.LeadingArguments, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.Environment["NEARNATIVE_HOME"] = home;
        startInfo.Environment.Remove("NEARNATIVE_SUITE");
        if (path is not null)
        {
            startInfo.Environment["PATH"] = path;
        }

        return startInfo;
    }
}
