using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using NearNative.Agent.Files;
using NearNative.Agent.Measurement;
using NearNative.Agent.Native;
using NearNative.Agent.Suite;

namespace NearNative.Agent.Runtimes;

/// <summary>
/// The preparation of the <c>wasmtime-precompiled</c> row: every module it runs (the SIMD builds and the Wizer twin)
/// compiled once by <c>nn-wasmtime compile</c> into Wasmtime's serialized form, cached under the runtime's folder by
/// the module's SHA-256 and the engine that compiled it. The compile time is recorded per workload, never in a sample.
/// </summary>
public sealed class WasmtimePrecompiler
{
    public const string Setting = "compiled once at preparation (serialized), deserialized by each process";

    private const string CompiledExtension = ".cwasm";
    private const string StampExtension = ".compile-ns";
    private static readonly TimeSpan CompileTimeout = TimeSpan.FromMinutes(5);
    private static readonly string[] ArtifactKinds = [LoadedSuite.WasmArtifact, LoadedSuite.WasmPreinitArtifact];

    private readonly Dictionary<string, string> _compiled = new(StringComparer.Ordinal);

    public async Task<RuntimePreparation> PrepareAsync(NnWasmtime host, string version, LoadedSuite suite, string cacheDirectory, CancellationToken cancellationToken)
    {
        // Serialized modules are tied to the exact engine: a new library or host build gets a folder of its own.
        var engineKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version + "\n" + NnWasmtime.Pinned.For(RuntimeInformation.OSArchitecture))))[..16];
        var directory = Directory.CreateDirectory(Path.Combine(cacheDirectory, engineKey)).FullName;
        var compiled = new List<CompiledModule>();
        foreach (var workload in suite.Manifest.Workloads)
        {
            foreach (var kind in ArtifactKinds.Where(workload.Artifacts.ContainsKey))
            {
                var artifactPath = suite.ArtifactPath(workload, kind);
                var sha256 = workload.Artifacts[kind].Sha256.ToLowerInvariant();
                var output = Path.Combine(directory, sha256 + CompiledExtension);
                var stamp = output + StampExtension;
                var fromCache = File.Exists(output) && ReadStamp(stamp) is not null;
                if (!fromCache && await CompileAsync(host, artifactPath, output, stamp, cancellationToken) is { } error)
                {
                    return RuntimePreparation.Failed($"cannot precompile {Path.GetFileName(artifactPath)}: {error}");
                }

                // The twin's compile time is its own, named as the twin's samples are.
                var name = kind == LoadedSuite.WasmPreinitArtifact ? workload.Id + Domain.Suite.WorkloadSpec.PreinitSuffix : workload.Id;
                compiled.Add(new CompiledModule(name, sha256, ReadStamp(stamp)!.Value, fromCache));
                _compiled[artifactPath] = output;
            }
        }

        return new RuntimePreparation(null, compiled);
    }

    /// <summary>The serialized module for an artifact <see cref="PrepareAsync"/> compiled.</summary>
    public string CompiledPath(string artifactPath, string runtimeId) =>
        _compiled.TryGetValue(artifactPath, out var compiled)
            ? compiled
            : throw new InvalidOperationException($"{runtimeId} has no precompiled module for {Path.GetFileName(artifactPath)}: PrepareAsync must run before the first sample");

    /// <summary>Compiles into a temporary file and renames it into place, so an interrupted compile leaves nothing half-written.</summary>
    private static async Task<string?> CompileAsync(NnWasmtime host, string artifactPath, string output, string stamp, CancellationToken cancellationToken)
    {
        var temporary = $"{output}.tmp-{Guid.NewGuid():N}";
        try
        {
            var clock = Stopwatch.StartNew();
            var result = await ProcessRunner.RunAsync(
                new ProcessStartInfo(host.Path, NnWasmtime.CompileArguments(artifactPath, temporary, target: null)), CompileTimeout, null, cancellationToken);
            var compileNs = clock.Elapsed.Ticks * (1_000_000_000 / TimeSpan.TicksPerSecond);
            if (result.TimedOut || result.ExitCode != 0)
            {
                return result.TimedOut ? "timed out" : $"exited with {result.ExitCode}: {result.StderrTail.Trim()}";
            }

            File.Move(temporary, output, overwrite: true);
            await AtomicFile.WriteAsync(stamp, Encoding.ASCII.GetBytes(compileNs.ToString(CultureInfo.InvariantCulture)), cancellationToken);
            return null;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static long? ReadStamp(string path)
    {
        try
        {
            return long.TryParse(File.ReadAllText(path), NumberStyles.None, CultureInfo.InvariantCulture, out var ns) ? ns : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
