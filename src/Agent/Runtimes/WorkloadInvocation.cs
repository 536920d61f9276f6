namespace NearNative.Agent.Runtimes;

/// <summary>One workload process to start.</summary>
/// <param name="ArtifactPath">The verified artifact of the kind the runtime runs.</param>
/// <param name="Arguments">The size's argument list from the manifest.</param>
/// <param name="WorkingDirectory">
/// The process's current directory. For workloads that do file I/O it is a fresh empty scratch directory,
/// which wasm runtimes also preopen as the guest's <c>.</c>, so native and wasm make the same relative calls.
/// </param>
/// <param name="Preopen">Whether <paramref name="WorkingDirectory"/> is a scratch directory the guest may use.</param>
public sealed record WorkloadInvocation(string ArtifactPath, IReadOnlyList<string> Arguments, string WorkingDirectory, bool Preopen);
