using NearNative.Agent.Measurement;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Runtimes.Wasm2c;
using NearNative.Agent.Suite;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Tests.Runtimes.Wasm2c;

/// <summary>
/// wasm2c end to end on a few workloads: probe, ahead-of-time build into the cache, real samples. Skipped
/// (passing) on machines without wasm2c and clang; `doctor` says why there.
/// </summary>
[Trait("Category", "Slow")]
public sealed class Wasm2cRuntimeTests
{
    private static readonly string[] Workloads = ["fib", "filerw", "smallfiles"];

    private static LoadedSuite SmallSuite()
    {
        var suite = SuiteVerifier.Load(TestSuite.Directory);
        return suite with { Manifest = suite.Manifest with { Workloads = [.. suite.Manifest.Workloads.Where(w => Workloads.Contains(w.Id))] } };
    }

    [Fact]
    public async Task ModulesAreCompiledOnceIntoTheCacheAndRunWithTheManifestsChecksums()
    {
        var suite = SmallSuite();
        var runtime = new Wasm2cRuntime();
        var probe = await runtime.ProbeAsync(suite, CancellationToken.None);
        if (probe.Info is null)
        {
            return; // No wasm2c or clang here.
        }

        Assert.Equal(("wasm2c-mvp", "mvp", LoadedSuite.WasmMvpArtifact), (probe.Info.Id, probe.Info.Configuration, runtime.ArtifactKind));
        Assert.Matches(@"^clang(-14)? \d+\.\d+", probe.Info.Settings["compiler"]);
        using var cache = new TempDirectory();

        var first = await runtime.PrepareAsync(suite, cache.Path, CancellationToken.None);

        Assert.True(first.IsReady, first.FailureReason);
        Assert.Equal(Workloads.Order(), first.Compiled.Select(c => c.Workload).Order());
        Assert.All(first.Compiled, c => Assert.False(c.FromCache));
        Assert.True(first.TotalCompileNs > 0);
        foreach (var workload in suite.Manifest.Workloads)
        {
            var sha = workload.Artifacts[LoadedSuite.WasmMvpArtifact].Sha256;
            Assert.Equal([Wasm2cRuntime.ExecutableName, "build.json"], Directory.EnumerateFiles(Path.Combine(cache.Path, sha)).Select(Path.GetFileName).Order(StringComparer.Ordinal).Reverse());
            await AssertSampleIsRightAsync(runtime, suite, workload);
        }

        var again = new Wasm2cRuntime();
        await again.ProbeAsync(suite, CancellationToken.None);
        var second = await again.PrepareAsync(suite, cache.Path, CancellationToken.None);
        Assert.All(second.Compiled, c => Assert.True(c.FromCache));
        Assert.Equal(first.TotalCompileNs, second.TotalCompileNs);
        Assert.DoesNotContain(Directory.EnumerateDirectories(cache.Path), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public void WithoutPreparationThereIsNoExecutableToStart()
    {
        var runtime = new Wasm2cRuntime();

        Assert.Throws<InvalidOperationException>(() => runtime.CreateStartInfo(new WorkloadInvocation("/s/fib.mvp.wasm", ["quick"], "/s", false)));
    }

    [Fact]
    public async Task MissingGlueIsOneReason()
    {
        using var empty = new TempDirectory();
        var runtime = new Wasm2cRuntime(empty.Path);

        var probe = await runtime.ProbeAsync(SmallSuite(), CancellationToken.None);

        Assert.Null(probe.Info);
        Assert.DoesNotContain('\n', probe.SkipReason!);
    }

    private static async Task AssertSampleIsRightAsync(Wasm2cRuntime runtime, LoadedSuite suite, WorkloadManifest workload)
    {
        using var scratch = new TempDirectory();
        var startInfo = runtime.CreateStartInfo(new WorkloadInvocation(
            suite.ArtifactPath(workload, runtime.ArtifactKind), workload.Sizes[SuiteManifest.QuickSize], scratch.Path, workload.Scratch));

        var result = await ProcessRunner.RunAsync(startInfo, TimeSpan.FromMinutes(2), null, CancellationToken.None);

        Assert.True(result.ExitCode == 0, $"{workload.Id}: {result.StderrTail}");
        Assert.Contains($"\"checksum\":\"{workload.Checksums[SuiteManifest.QuickSize]}\"", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
        Assert.True(RuntimePhases.TryParse(result.StderrTail, out var phases));
        Assert.Equal([RuntimePhases.Execute, RuntimePhases.Instantiate], phases.Keys.Order(StringComparer.Ordinal));
    }
}
