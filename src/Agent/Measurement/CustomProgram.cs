namespace NearNative.Agent.Measurement;

/// <summary>A user's own program, measured like a suite workload: <c>run --wasm app.wasm --native app -- args</c>.</summary>
/// <param name="WasmPath">Full path of the module every wasm runtime runs.</param>
/// <param name="NativePath">Full path of the native build of the same source, the baseline.</param>
public sealed record CustomProgram(string WasmPath, string NativePath, IReadOnlyList<string> Arguments);
