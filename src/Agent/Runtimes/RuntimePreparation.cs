namespace NearNative.Agent.Runtimes;

/// <summary>The outcome of <see cref="IRuntime.PrepareAsync"/>: ready, with what ahead-of-time work cost, or why the runtime is skipped.</summary>
/// <param name="FailureReason">Null when ready; else one line, reported like a failed probe.</param>
/// <param name="Compiled">One entry per module compiled ahead of time; empty for runtimes that compile at load time.</param>
public sealed record RuntimePreparation(string? FailureReason, IReadOnlyList<CompiledModule> Compiled)
{
    public static RuntimePreparation NothingToDo { get; } = new(null, []);

    public bool IsReady => FailureReason is null;

    /// <summary>Translation plus compilation time of every module, as measured when each was built.</summary>
    public long TotalCompileNs => Compiled.Sum(c => c.CompileNs);

    public static RuntimePreparation Failed(string reason) => new(reason, []);
}

/// <summary>One module compiled ahead of time: the runtime's "compile" phase, excluded from every sample.</summary>
/// <param name="Sha256">Of the artifact that was compiled.</param>
/// <param name="CompileNs">Wall time of translation and compilation when it was built.</param>
/// <param name="FromCache">Built by an earlier run with the same toolchain; <paramref name="CompileNs"/> is that run's measurement.</param>
public sealed record CompiledModule(string Workload, string Sha256, long CompileNs, bool FromCache);
