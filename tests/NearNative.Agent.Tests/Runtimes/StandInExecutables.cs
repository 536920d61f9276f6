namespace NearNative.Agent.Tests.Runtimes;

/// <summary>Stand-in executables for the runtime tests: scripts the agent finds on a PATH the test chooses.</summary>
internal static class StandInExecutables
{
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
