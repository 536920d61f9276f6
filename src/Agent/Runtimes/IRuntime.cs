using System.Diagnostics;
using NearNative.Agent.Suite;
using NearNative.Domain.Results;

namespace NearNative.Agent.Runtimes;

/// <summary>
/// One way of running a suite artifact: natively, or under one configuration of one WebAssembly runtime.
/// Adding a runtime is one new class implementing this, listed in <see cref="RuntimeCatalog"/>.
/// </summary>
public interface IRuntime
{
    /// <summary>Leaderboard slug, also the value of <c>--runtimes</c>: <c>native</c>, <c>wasmtime</c>, <c>node-no-liftoff</c>.</summary>
    string Id { get; }

    /// <summary>Which artifact of a workload it runs: <see cref="LoadedSuite.NativeArtifact"/> or <see cref="LoadedSuite.WasmArtifact"/>.</summary>
    string ArtifactKind { get; }

    /// <summary>The baseline every ratio divides by; always run.</summary>
    bool IsNative => Id == RuntimeInfo.NativeId;

    /// <summary>Whether the runtime is usable here, with its version and declared settings, or why not.</summary>
    Task<RuntimeProbe> ProbeAsync(LoadedSuite suite, CancellationToken cancellationToken);

    /// <summary>The command for one fresh process running one workload artifact.</summary>
    ProcessStartInfo CreateStartInfo(WorkloadInvocation invocation);
}
