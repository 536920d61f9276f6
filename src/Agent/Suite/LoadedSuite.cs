using NearNative.Domain.Suite;

namespace NearNative.Agent.Suite;

/// <summary>A suite whose every artifact was checked against its manifest; only such a suite is ever run.</summary>
public sealed record LoadedSuite(string Directory, SuiteManifest Manifest)
{
    public const string NativeArtifact = "native";
    public const string WasmArtifact = "wasm";

    public string ArtifactPath(WorkloadManifest workload, string kind) =>
        SuiteVerifier.ResolveInside(Directory, workload.Artifacts[kind].Path);
}
