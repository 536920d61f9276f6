using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Suite;

/// <summary>
/// Loads the manifest and checks the SHA-256 of every artifact this machine can run against it (the wasm modules and
/// the native build for its architecture), so every runtime provably runs the same bytes. Any mismatch stops the run
/// before anything is measured. The other architectures' native builds need not be there: an agent published for one
/// architecture ships only its own.
/// </summary>
public static class SuiteVerifier
{
    public static LoadedSuite Load(string directory) => Load(directory, RuntimeInformation.OSArchitecture);

    public static LoadedSuite Load(string directory, Architecture architecture)
    {
        var nativeKind = LoadedSuite.NativeKindFor(architecture)
            ?? throw AgentException.Usage($"this machine is {ArchitectureName(architecture)}; the suite has native builds for x86-64 and aarch64 only");
        var manifestPath = Path.Combine(directory, SuiteLocator.ManifestFileName);
        SuiteManifest manifest;
        try
        {
            manifest = SuiteManifest.Load(manifestPath);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new AgentException(ExitCodes.SuiteIntegrity, $"cannot read the suite manifest {manifestPath}: {e.Message}", e);
        }

        if (manifest.Workloads.Count == 0)
        {
            throw new AgentException(ExitCodes.SuiteIntegrity, $"the suite manifest {manifestPath} lists no workloads");
        }

        foreach (var workload in manifest.Workloads)
        {
            if (!workload.Artifacts.ContainsKey(LoadedSuite.WasmArtifact))
            {
                throw new AgentException(ExitCodes.SuiteIntegrity, $"suite manifest: workload {workload.Id} has no {LoadedSuite.WasmArtifact} artifact");
            }

            if (!workload.Artifacts.ContainsKey(nativeKind))
            {
                throw AgentException.Usage($"suite {manifest.Suite} has no native {ArchitectureName(architecture)} build of {workload.Id}; this machine is {ArchitectureName(architecture)}");
            }

            // The write cap plans with these; a workload that writes an unknown amount could exceed it.
            if (workload.Scratch && workload.Sizes.Keys.Any(size => workload.WritesBytes?.GetValueOrDefault(size) is not > 0))
            {
                throw new AgentException(ExitCodes.SuiteIntegrity, $"suite manifest: workload {workload.Id} writes files but does not declare writesBytes for every size");
            }

            // Every artifact this machine can run is checked, including variants this run may not use.
            foreach (var (kind, artifact) in workload.Artifacts)
            {
                if (kind == nativeKind || !LoadedSuite.IsNativeKind(kind))
                {
                    Verify(directory, artifact);
                }
            }
        }

        return new LoadedSuite(directory, manifest) { NativeKind = nativeKind };
    }

    /// <summary>The architecture as the suite and the result document name it.</summary>
    public static string ArchitectureName(Architecture architecture) => architecture switch
    {
        Architecture.X64 => "x86-64",
        Architecture.Arm64 => "aarch64",
        _ => architecture.ToString().ToLowerInvariant(),
    };

    /// <summary>An artifact path from the manifest, refused if it points outside the suite directory.</summary>
    public static string ResolveInside(string directory, string relativePath)
    {
        var root = Path.GetFullPath(directory);
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new AgentException(ExitCodes.SuiteIntegrity, $"suite manifest: artifact path {relativePath} leaves the suite directory");
    }

    private static void Verify(string directory, ArtifactManifest artifact)
    {
        var path = ResolveInside(directory, artifact.Path);
        string actual;
        try
        {
            using var stream = File.OpenRead(path);
            actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AgentException(ExitCodes.SuiteIntegrity, $"suite artifact {artifact.Path} cannot be read: {e.Message}", e);
        }

        if (!string.Equals(actual, artifact.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new AgentException(
                ExitCodes.SuiteIntegrity,
                $"suite artifact {artifact.Path} does not match the manifest (sha256 {actual}, expected {artifact.Sha256}); reinstall the suite");
        }
    }
}
