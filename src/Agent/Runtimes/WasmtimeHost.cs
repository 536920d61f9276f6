using Wasmtime;

namespace NearNative.Agent.Runtimes;

/// <summary>
/// The child side of <see cref="WasmtimeRuntime"/>: runs one WASI preview 1 command module with default
/// settings, the workload's arguments and inherited stdout/stderr, and exits with its exit code.
/// </summary>
public static class WasmtimeHost
{
    /// <summary>Exit code of a module that trapped, as a signal-killed process would report an abort.</summary>
    public const int TrapExitCode = 134;

    /// <param name="preopenCurrentDirectory">Preopen the current directory as the guest's <c>.</c> (file I/O workloads).</param>
    public static int Run(string modulePath, IReadOnlyList<string> arguments, bool preopenCurrentDirectory, TextWriter error)
    {
        using var engine = new Engine();
        using var module = Module.FromFile(engine, modulePath);
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
            if (start is null)
            {
                error.WriteLine($"{Path.GetFileName(modulePath)} is not a WASI command: it exports no _start");
                return 1;
            }

            start();
            return 0;
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
