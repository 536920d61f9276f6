using System.Diagnostics;
using System.Text.Json;
using NearNative.Agent.Measurement;
using NearNative.Agent.Suite;
using NearNative.Domain.Results;

namespace NearNative.Agent.Runtimes.Wasm2c;

/// <summary>
/// WABT's wasm2c: each module is translated to C, compiled with clang <c>-O2</c> and linked with our own WASI
/// layer (<c>wasi.c</c>, <c>wasi_fs.c</c>) once per toolchain, ahead of the measurement (<see cref="PrepareAsync"/>); a sample runs
/// the resulting executable. wasm2c 1.0.32 aborts on SIMD instructions, so this row runs the scalar builds and
/// is labelled <c>mvp</c>.
/// </summary>
public sealed class Wasm2cRuntime(string glueDirectory) : IRuntime
{
    public const string Name = "wasm2c";
    public const string Configuration = "mvp";
    public const string ExecutableName = "nn-module";
    public const string PreopenCwdOption = "--preopen-cwd";

    private const string StampFileName = "build.json";
    private static readonly TimeSpan TranslateTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan CompileTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Variables that would steer clang from outside, cleared as the suite build clears them.</summary>
    private static readonly string[] CompilerVariables = ["CPATH", "C_INCLUDE_PATH", "LIBRARY_PATH", "CCC_OVERRIDE_OPTIONS", "COMPILER_PATH"];

    private readonly Dictionary<string, string> _executables = new(StringComparer.Ordinal);
    private Wasm2cToolchain? _toolchain;

    public Wasm2cRuntime()
        : this(Wasm2cToolchain.DefaultGlueDirectory)
    {
    }

    public string Id => RuntimeInfo.SlugFor(Name, Configuration);

    public string ArtifactKind => LoadedSuite.WasmMvpArtifact;

    public string InstallHint => Wasm2cToolchain.InstallHint;

    public bool PreparesModules => true;

    public async Task<RuntimeProbe> ProbeAsync(LoadedSuite suite, CancellationToken cancellationToken)
    {
        var (toolchain, missing) = await Wasm2cToolchain.FindAsync(glueDirectory, cancellationToken);
        if (toolchain is null)
        {
            return RuntimeProbe.Unavailable(missing!);
        }

        _toolchain = toolchain;
        return RuntimeProbe.Available(new RuntimeInfo(
            Id,
            Name,
            toolchain.Wasm2cVersion,
            Configuration,
            new Dictionary<string, string>
            {
                ["compiler"] = $"{toolchain.CompilerName} {toolchain.CompilerVersion}",
                ["cflags"] = string.Join(' ', Wasm2cToolchain.CompilerFlags),
                ["wasi"] = "nearnative wasi.c + wasi_fs.c (POSIX)",
            }));
    }

    /// <summary>
    /// Translates and compiles every workload's MVP module that is not already in the cache for this exact
    /// toolchain. The cache folder is named by the module's SHA-256, so the same bytes always map to one build.
    /// </summary>
    public async Task<RuntimePreparation> PrepareAsync(LoadedSuite suite, string cacheDirectory, CancellationToken cancellationToken)
    {
        if (_toolchain is not { } toolchain)
        {
            return RuntimePreparation.Failed("not probed: call ProbeAsync first");
        }

        var key = toolchain.BuildKey();
        Directory.CreateDirectory(cacheDirectory);
        var compiled = new List<CompiledModule>();
        foreach (var workload in suite.Manifest.Workloads)
        {
            if (!workload.Artifacts.TryGetValue(ArtifactKind, out var artifact))
            {
                return RuntimePreparation.Failed($"workload {workload.Id} has no {ArtifactKind} artifact");
            }

            var artifactPath = suite.ArtifactPath(workload, ArtifactKind);
            var sha256 = artifact.Sha256.ToLowerInvariant();
            var buildDirectory = Path.Combine(cacheDirectory, sha256);
            var executable = Path.Combine(buildDirectory, ExecutableName);
            if (ReadStamp(buildDirectory, key) is { } cachedNs && File.Exists(executable))
            {
                compiled.Add(new CompiledModule(workload.Id, sha256, cachedNs, FromCache: true));
            }
            else
            {
                var (compileNs, error) = await BuildAsync(toolchain, key, artifactPath, cacheDirectory, buildDirectory, cancellationToken);
                if (error is not null)
                {
                    return RuntimePreparation.Failed($"cannot build {workload.Id}: {error}");
                }

                compiled.Add(new CompiledModule(workload.Id, sha256, compileNs, FromCache: false));
            }

            _executables[artifactPath] = executable;
        }

        return new RuntimePreparation(null, compiled);
    }

    public ProcessStartInfo CreateStartInfo(WorkloadInvocation invocation)
    {
        if (!_executables.TryGetValue(invocation.ArtifactPath, out var executable))
        {
            throw new InvalidOperationException($"{Id} has no compiled executable for {Path.GetFileName(invocation.ArtifactPath)}: PrepareAsync must run before the first sample");
        }

        return new ProcessStartInfo(executable, [.. invocation.Preopen ? [PreopenCwdOption] : Array.Empty<string>(), .. invocation.Arguments])
        {
            WorkingDirectory = invocation.WorkingDirectory,
        };
    }

    /// <summary>Builds in a fresh folder beside the cache entry and moves it into place, so an interrupted build leaves nothing half-written.</summary>
    private static async Task<(long CompileNs, string? Error)> BuildAsync(
        Wasm2cToolchain toolchain, string key, string artifactPath, string cacheDirectory, string buildDirectory, CancellationToken cancellationToken)
    {
        var work = Directory.CreateDirectory(Path.Combine(cacheDirectory, $".build-{Guid.NewGuid():N}")).FullName;
        try
        {
            foreach (var file in Wasm2cToolchain.GlueFiles)
            {
                File.Copy(Path.Combine(toolchain.GlueDirectory, file), Path.Combine(work, file));
            }

            var clock = Stopwatch.StartNew();
            var translate = await ProcessRunner.RunAsync(
                new ProcessStartInfo(toolchain.Wasm2c, [artifactPath, "-n", "module", "-o", "module.c"]) { WorkingDirectory = work },
                TranslateTimeout, null, cancellationToken);
            if (translate.ExitCode != 0)
            {
                return (0, $"wasm2c {Failure(translate)}");
            }

            var compile = new ProcessStartInfo(toolchain.Compiler, [
                .. Wasm2cToolchain.CompilerFlags,
                .. toolchain.IncludeDirectories.Select(d => "-I" + d),
                "-o", ExecutableName,
                "module.c",
                .. Wasm2cToolchain.GlueFiles.Where(f => f.EndsWith(".c", StringComparison.Ordinal)),
                Path.Combine(toolchain.RuntimeSupportDirectory, "wasm-rt-impl.c"),
                "-lm",
            ])
            {
                WorkingDirectory = work,
            };
            foreach (var variable in CompilerVariables)
            {
                compile.Environment.Remove(variable);
            }

            var result = await ProcessRunner.RunAsync(compile, CompileTimeout, null, cancellationToken);
            var compileNs = clock.Elapsed.Ticks * (1_000_000_000 / TimeSpan.TicksPerSecond);
            if (result.ExitCode != 0)
            {
                return (0, $"{toolchain.CompilerName} {Failure(result)}");
            }

            foreach (var intermediate in Directory.EnumerateFiles(work).Where(f => Path.GetFileName(f) != ExecutableName))
            {
                File.Delete(intermediate);
            }

            await File.WriteAllTextAsync(
                Path.Combine(work, StampFileName),
                JsonSerializer.Serialize(new Stamp(key, compileNs)),
                cancellationToken);
            if (Directory.Exists(buildDirectory))
            {
                Directory.Delete(buildDirectory, recursive: true);
            }

            Directory.Move(work, buildDirectory);
            return (compileNs, null);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static long? ReadStamp(string buildDirectory, string key)
    {
        try
        {
            var stamp = JsonSerializer.Deserialize<Stamp>(File.ReadAllBytes(Path.Combine(buildDirectory, StampFileName)));
            return stamp is not null && stamp.Key == key ? stamp.CompileNs : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static string Failure(ProcessResult result) =>
        result.TimedOut
            ? "timed out"
            : $"exited with {result.ExitCode}: " + (result.StderrTail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)) ?? result.StderrTail.Trim().Split('\n')[0]);

    private sealed record Stamp(string Key, long CompileNs);
}
