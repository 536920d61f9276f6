using System.Diagnostics;
using NearNative.Agent.Commands;
using NearNative.Agent.Tests.Support;

namespace NearNative.Agent.Tests.Runtimes;

/// <summary>Runs the real agent as a child with a PATH the test chooses, so what it finds is under the test's control.</summary>
internal static class RuntimeTestProcess
{
    public static async Task<CliResult> RunAgentAsync(string home, string path, params string[] args)
    {
        var self = AgentExecutable.Current();
        var startInfo = new ProcessStartInfo(self.FileName, [.. self.LeadingArguments, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.Environment["NEARNATIVE_HOME"] = home;
        startInfo.Environment["PATH"] = path;
        startInfo.Environment.Remove("NEARNATIVE_SUITE");

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(limit.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>Writes an executable shell script.</summary>
    public static string WriteScript(string directory, string name, string body)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>
    /// A stand-in <c>wasmtime</c> CLI: answers <c>--version</c>, logs its argv, and runs
    /// <c>run [--dir .] MODULE ARGS</c> through Node's WASI and the agent's runner script.
    /// </summary>
    public static string WriteWasmtimeStandIn(string directory, string node, string argvLog) =>
        WriteScript(directory, "wasmtime", $"""
            if [ "$1" = "--version" ]; then echo "wasmtime 99.1.0 (stand-in 2026-01-01)"; exit 0; fi
            printf '%s\n' "$@" > '{argvLog}'
            [ "$1" = "run" ] || exit 64
            shift
            preopen=""
            if [ "$1" = "--dir" ] && [ "$2" = "." ]; then preopen="--preopen-cwd"; shift 2; fi
            exec '{node}' --no-warnings '{Path.Combine(AppContext.BaseDirectory, "node-wasi-runner.mjs")}' $preopen "$@"
            """);
}
