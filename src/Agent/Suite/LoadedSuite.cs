using NearNative.Domain.Suite;

namespace NearNative.Agent.Suite;

/// <summary>A suite whose every artifact was checked against its manifest; only such a suite is ever run.</summary>
public sealed record LoadedSuite(string Directory, SuiteManifest Manifest)
{
    public const string NativeArtifact = "native";
    public const string WasmArtifact = "wasm";

    /// <summary>Scalar build without SIMD, for runtimes that lack it; its rows are labelled as such.</summary>
    public const string WasmMvpArtifact = "wasmMvp";

    /// <summary>The Wizer pre-initialised twin of a start-up workload.</summary>
    public const string WasmPreinitArtifact = "wasmPreinit";

    public string ArtifactPath(WorkloadManifest workload, string kind) =>
        SuiteVerifier.ResolveInside(Directory, workload.Artifacts[kind].Path);
}
