using System.Diagnostics;
using NearNative.Agent.Suite;
using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Runtimes;

/// <summary>
/// One way of running a suite artifact: natively, or under one configuration of one WebAssembly runtime.
/// Adding a runtime is one new class implementing this, listed in <see cref="RuntimeCatalog"/>.
/// </summary>
public interface IRuntime
{
    /// <summary>Leaderboard slug, also the value of <c>--runtimes</c>: <c>native</c>, <c>wasmtime</c>, <c>node-no-liftoff</c>.</summary>
    string Id { get; }

    /// <summary>
    /// Which artifact of a workload it runs: <see cref="LoadedSuite.NativeArtifact"/>, <see cref="LoadedSuite.WasmArtifact"/>
    /// (128-bit SIMD), or <see cref="LoadedSuite.WasmMvpArtifact"/> for a runtime without SIMD, whose id then says <c>mvp</c>.
    /// </summary>
    string ArtifactKind { get; }

    /// <summary>The baseline every ratio divides by; always run.</summary>
    bool IsNative => Id == RuntimeInfo.NativeId;

    /// <summary>
    /// An interpreter: tens of times slower than native. It gets the same input (never a smaller one), so a full
    /// run of it takes hours; the pipeline should run it only when named in <c>--runtimes</c>, with a longer time-out.
    /// </summary>
    bool IsInterpreter => false;

    /// <summary>
    /// Measured by a plain <c>run</c>. False for interpreters (hours on the full suite) and for control rows, such as
    /// the scalar builds under a SIMD-capable runtime, which answer one question and run only when named in <c>--runtimes</c>.
    /// </summary>
    bool RunsByDefault => !IsInterpreter;

    /// <summary>
    /// Runs modules that <see cref="PrepareAsync"/> built from the suite's own artifacts (translated or precompiled), so it
    /// cannot run a user's module, which is never prepared.
    /// </summary>
    bool PreparesModules => false;

    /// <summary>One line telling a user how to get this runtime when it is missing (shown by <c>doctor</c>).</summary>
    string InstallHint => "";

    /// <summary>
    /// Why this runtime cannot run a suite workload at all (e.g. it has no file system for the file I/O workloads),
    /// or null when it can. Such a workload is never scheduled for it; the result lists it as not run, with this reason.
    /// </summary>
    string? CannotRun(WorkloadManifest workload) => null;

    /// <summary>Whether the runtime is usable here, with its version and declared settings, or why not. Cheap: no compiling.</summary>
    Task<RuntimeProbe> ProbeAsync(LoadedSuite suite, CancellationToken cancellationToken);

    /// <summary>
    /// Work done once per run after a successful probe and before the first sample, never during timed samples:
    /// e.g. ahead-of-time translation and compilation of every module this runtime will run. Runtimes that compile
    /// at load time (Wasmtime, Node) have nothing to do here.
    /// </summary>
    /// <param name="cacheDirectory">This runtime's own folder under the agent's directory, kept between runs.</param>
    Task<RuntimePreparation> PrepareAsync(LoadedSuite suite, string cacheDirectory, CancellationToken cancellationToken) =>
        Task.FromResult(RuntimePreparation.NothingToDo);

    /// <summary>The command for one fresh process running one workload artifact.</summary>
    ProcessStartInfo CreateStartInfo(WorkloadInvocation invocation);

    /// <summary>
    /// The command of one long-lived host process that measures instance start (one JSON line in the shape of
    /// <c>nn-wasmtime instances</c>), or null when the runtime has no such host. Called only after a successful probe.
    /// </summary>
    ProcessStartInfo? CreateInstanceStartInfo(InstanceStartInvocation invocation) => null;
}
