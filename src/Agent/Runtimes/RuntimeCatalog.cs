using NearNative.Agent.Runtimes.CommandLine;
using NearNative.Agent.Runtimes.Wasm2c;

namespace NearNative.Agent.Runtimes;

/// <summary>Every runtime the agent knows, in report order; native first, as the baseline.</summary>
public static class RuntimeCatalog
{
    /// <summary>The runtimes built into the agent: adapters, then the command templates of runtimes found on PATH.</summary>
    public static IReadOnlyList<IRuntime> All(AgentExecutable self) =>
    [
        new NativeRuntime(),
        WasmtimeRuntime.Default(WasmtimeRuntime.DefaultHostDirectory),
        WasmtimeRuntime.Precompiled(WasmtimeRuntime.DefaultHostDirectory),
        new WasmtimeDotnetRuntime(self),
        WasmtimeRuntime.Pulley(WasmtimeRuntime.DefaultHostDirectory),
        WasmtimeRuntime.Mvp(WasmtimeRuntime.DefaultHostDirectory),
        NodeRuntime.Default(NodeRuntime.DefaultRunnerPath),
        NodeRuntime.NoLiftoff(NodeRuntime.DefaultRunnerPath),
        NodeRuntime.Mvp(NodeRuntime.DefaultRunnerPath),
        new JscRuntime(),
        new Wasm2cRuntime(),
        .. BuiltInRuntimeDefinitions.All.Select(d => new CommandLineRuntime(d)),
    ];

    /// <summary>
    /// The built-in runtimes plus the user's definitions: <paramref name="runtimeFile"/> if given (it must exist),
    /// else <c>runtimes.json</c> in the agent's home directory if there is one.
    /// </summary>
    /// <exception cref="AgentException">The file is unreadable or invalid (exit code 2, one line).</exception>
    public static IReadOnlyList<IRuntime> All(AgentContext context, string? runtimeFile)
    {
        var builtIn = All(context.Self);
        var path = runtimeFile ?? Path.Combine(context.Home, RuntimeDefinitionFile.DefaultFileName);
        if (runtimeFile is null && !File.Exists(path))
        {
            return builtIn;
        }

        var user = RuntimeDefinitionFile.Load(path, [.. builtIn.Select(r => r.Id)]);
        return [.. builtIn, .. user.Select(d => new CommandLineRuntime(d))];
    }

    /// <summary>Where a runtime keeps what <see cref="IRuntime.PrepareAsync"/> builds: under the agent's own directory, kept between runs.</summary>
    public static string CacheDirectory(string home, IRuntime runtime) => Path.Combine(home, "cache", runtime.Id);
}
