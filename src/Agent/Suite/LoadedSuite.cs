using System.Runtime.InteropServices;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Suite;

/// <summary>A suite whose every artifact this machine runs was checked against its manifest; only such a suite is ever run.</summary>
public sealed record LoadedSuite(string Directory, SuiteManifest Manifest)
{
    /// <summary>The native build of a workload, whichever architecture the machine has: runtimes ask for this kind.</summary>
    public const string NativeArtifact = "native";

    /// <summary>The manifest's kind for the aarch64 native build; <see cref="NativeArtifact"/> names the x86-64 one there.</summary>
    public const string NativeAarch64Artifact = "nativeAarch64";

    public const string WasmArtifact = "wasm";

    /// <summary>Scalar build without SIMD, for runtimes that lack it; its rows are labelled as such.</summary>
    public const string WasmMvpArtifact = "wasmMvp";

    /// <summary>The Wizer pre-initialised twin of a start-up workload.</summary>
    public const string WasmPreinitArtifact = "wasmPreinit";

    /// <summary>The manifest kind of the native build this machine runs: <see cref="NativeArtifact"/> on x86-64.</summary>
    public string NativeKind { get; init; } = NativeArtifact;

    /// <summary>The manifest kind of the native build for <paramref name="architecture"/>; null where the suite has none.</summary>
    public static string? NativeKindFor(Architecture architecture) => architecture switch
    {
        Architecture.X64 => NativeArtifact,
        Architecture.Arm64 => NativeAarch64Artifact,
        _ => null,
    };

    /// <summary>Every manifest kind that holds a native build, for any architecture.</summary>
    public static bool IsNativeKind(string kind) => kind is NativeArtifact or NativeAarch64Artifact;

    public string ArtifactPath(WorkloadManifest workload, string kind) =>
        SuiteVerifier.ResolveInside(Directory, workload.Artifacts[kind == NativeArtifact ? NativeKind : kind].Path);
}
