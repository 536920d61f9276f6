using NearNative.Agent.Commands;

namespace NearNative.Agent.Runtimes;

/// <summary>Every runtime the agent knows, in report order; native first, as the baseline.</summary>
public static class RuntimeCatalog
{
    public static IReadOnlyList<IRuntime> All(AgentExecutable self) =>
    [
        new NativeRuntime(),
        new WasmtimeRuntime(self),
        NodeRuntime.Default(NodeRuntime.DefaultRunnerPath),
        NodeRuntime.NoLiftoff(NodeRuntime.DefaultRunnerPath),
    ];
}
