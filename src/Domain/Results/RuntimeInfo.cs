using System.Text.Json.Serialization;

namespace NearNative.Domain.Results;

/// <summary>
/// A runtime as it ran: name, version and every non-default setting. Different configurations of the
/// same runtime are different leaderboard rows.
/// </summary>
/// <param name="Id">Document-local id, also the leaderboard slug: <c>native</c>, <c>wasmtime</c>, <c>node-no-liftoff</c>.</param>
/// <param name="Configuration"><c>default</c> for the headline configuration, else a short name of the declared variant.</param>
/// <param name="Settings">Flags and options the harness passed; declared, so readers can reproduce them.</param>
/// <param name="CompileNs">
/// Per workload, the ahead-of-time translation and compilation a runtime needs before its first sample (wasm2c);
/// the runtime's "compile" phase, never part of a sample. Null for runtimes that compile at load time.
/// </param>
public sealed record RuntimeInfo(
    string Id,
    string Name,
    string Version,
    string Configuration,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyDictionary<string, long>? CompileNs = null)
{
    public const string NativeId = "native";
    public const string DefaultConfiguration = "default";

    [JsonIgnore]
    public bool IsNative => Id == NativeId;

    public static string SlugFor(string name, string configuration) =>
        configuration == DefaultConfiguration ? name : $"{name}-{configuration}";
}

/// <summary>A runtime the agent could not use, or, with <paramref name="Workloads"/>, the workloads it cannot run.</summary>
/// <param name="Name">The runtime's id.</param>
/// <param name="Workloads">Null when the whole runtime was skipped; else the suite workloads it ran none of, for <paramref name="Reason"/>.</param>
public sealed record SkippedRuntime(
    string Name,
    string Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Workloads = null);
