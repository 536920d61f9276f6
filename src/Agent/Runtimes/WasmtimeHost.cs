using System.Diagnostics;
using Wasmtime;

namespace NearNative.Agent.Runtimes;

/// <summary>
/// The child side of <see cref="WasmtimeRuntime"/>: runs one WASI preview 1 command module with default
/// settings (or for another compilation target, e.g. the Pulley interpreter), the
/// workload's arguments and inherited stdout/stderr, and exits with its exit code. Its last
/// stderr line reports the in-process phases (<see cref="RuntimePhases"/>).
/// </summary>
public static class WasmtimeHost
{
    /// <summary>The hidden verb that makes the agent this host; the runtime that starts it and the verb share these names.</summary>
    public const string VerbName = "wasmtime-host";
    public const string PreopenCwdOption = "--preopen-cwd";
    public const string TargetOption = "--target";

    /// <summary>Exit code of a module that trapped, as a signal-killed process would report an abort.</summary>
    public const int TrapExitCode = 134;

    /// <param name="preopenCurrentDirectory">Preopen the current directory as the guest's <c>.</c> (file I/O workloads).</param>
    /// <param name="target">Compilation target (<see cref="WasmtimeTarget.Pulley64"/>); null for native code.</param>
    public static int Run(string modulePath, IReadOnlyList<string> arguments, bool preopenCurrentDirectory, string? target, TextWriter error)
    {
        var phases = new List<KeyValuePair<string, long>>(4);
        var clock = Stopwatch.StartNew();
        void EndPhase(string name)
        {
            phases.Add(new(name, clock.Elapsed.Ticks * (1_000_000_000 / TimeSpan.TicksPerSecond)));
            clock.Restart();
        }

        using var engine = WasmtimeTarget.CreateEngine(target);
        EndPhase(RuntimePhases.Engine);
        using var module = Module.FromFile(engine, modulePath);
        EndPhase(RuntimePhases.Compile);

        using var linker = new Linker(engine);
        using var store = new Store(engine);
        linker.DefineWasi();
        var wasi = new WasiConfiguration()
            .WithArgs([Path.GetFileName(modulePath), .. arguments])
            .WithInheritedStandardOutput()
            .WithInheritedStandardError();
        if (preopenCurrentDirectory)
        {
            wasi = wasi.WithPreopenedDirectory(Environment.CurrentDirectory, ".", mutable: true);
        }

        store.SetWasiConfiguration(wasi);

        try
        {
            var instance = linker.Instantiate(store, module);
            var start = instance.GetAction("_start");
            EndPhase(RuntimePhases.Instantiate);
            if (start is null)
            {
                error.WriteLine($"{Path.GetFileName(modulePath)} is not a WASI command: it exports no _start");
                return 1;
            }

            try
            {
                start();
                return 0;
            }
            finally
            {
                EndPhase(RuntimePhases.Execute);
                error.WriteLine(RuntimePhases.Format(phases));
            }
        }
        catch (WasmtimeException e) when (e.ExitCode is { } exitCode)
        {
            return exitCode;
        }
        catch (TrapException e)
        {
            error.WriteLine("wasm trap: " + e.Message);
            return TrapExitCode;
        }
    }
}
