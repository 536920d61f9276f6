using NearNative.Agent.Measurement;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Suite;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Tests.Suite;

/// <summary>The committed suite itself: what it covers, and that every build of a workload computes the same answer.</summary>
public sealed class SuiteContentTests
{
    private static readonly LoadedSuite Suite = SuiteVerifier.Load(TestSuite.Directory);

    public static TheoryData<string, string> WasmVariants()
    {
        var data = new TheoryData<string, string>();
        foreach (var workload in Suite.Manifest.Workloads)
        {
            foreach (var kind in workload.Artifacts.Keys.Where(k => !LoadedSuite.IsNativeKind(k)))
            {
                data.Add(workload.Id, kind);
            }
        }

        return data;
    }

    [Fact]
    public void TheSuiteCoversAllSixCategoriesWithAtLeastSixteenWorkloads()
    {
        Assert.Equal("std-2026.1", Suite.Manifest.Suite);
        Assert.True(Suite.Manifest.Workloads.Count >= 16, $"{Suite.Manifest.Workloads.Count} workloads");
        Assert.Equal(
            ["branchy", "compute", "io", "memory", "realistic", "startup"],
            Suite.Manifest.Workloads.Select(w => w.Category).Distinct().Order(StringComparer.Ordinal));
        Assert.All(Suite.Manifest.Workloads.Where(w => w.Category == "io"), w => Assert.True(w.Scratch, w.Id));
    }

    [Fact]
    public void OnlyFilerwAtFullSizeWritesTooMuchForADefaultRunAndEveryCategoryKeepsAWorkloadInTheGeomeans()
    {
        // filerw rewrites a 16 MiB file 40 times per process: a warm-up and three rounds of native and one
        // runtime write 5 GiB, above the default cap. It is opt-in; I/O keeps smallfiles in the overall figure.
        var full = Suite.Manifest.SpecsFor(SuiteManifest.FullSize);
        Assert.Equal(["filerw"], full.Where(w => w.OptIn).Select(w => w.Id));
        Assert.DoesNotContain(Suite.Manifest.SpecsFor(SuiteManifest.QuickSize), w => w.OptIn);
        Assert.Equal(
            ["branchy", "compute", "io", "memory", "realistic"],
            full.Where(w => w is { IsStartup: false, OptIn: false }).Select(w => w.Category).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryWorkloadHasAScalarBuildAndTheHeavyStartupOneAPreinitialisedTwin()
    {
        Assert.All(Suite.Manifest.Workloads, w => Assert.Contains(LoadedSuite.WasmMvpArtifact, w.Artifacts.Keys));
        Assert.Contains(Suite.Manifest.Workloads, w => w.IsStartup && w.Artifacts.ContainsKey(LoadedSuite.WasmPreinitArtifact));
    }

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(NativeWorkloads))]
    public async Task TheNativeBuildPrintsTheManifestChecksum(string workloadId)
    {
        var workload = Suite.Manifest.Find(workloadId)!;

        var output = await RunAsync(new NativeRuntime(), workload, LoadedSuite.NativeArtifact);

        Assert.Equal(workload.Checksums[SuiteManifest.QuickSize], output.Checksum);
    }

    public static TheoryData<string> NativeWorkloads() => [.. Suite.Manifest.Workloads.Select(w => w.Id)];

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(WasmVariants))]
    public async Task EveryWasmBuildPrintsTheNativeChecksumUnderWasmtime(string workloadId, string kind)
    {
        var workload = Suite.Manifest.Find(workloadId)!;
        var wasmtime = WasmtimeRuntime.Default(WasmtimeRuntime.DefaultHostDirectory);
        Assert.True((await wasmtime.ProbeAsync(Suite, CancellationToken.None)).Info is not null);

        var output = await RunAsync(wasmtime, workload, kind);

        Assert.Equal(workload.Checksums[SuiteManifest.QuickSize], output.Checksum);
        Assert.Equal(workloadId, output.Workload);
        Assert.Equal(workload.Scratch, output.Bytes is > 0);
    }

    private static async Task<WorkloadOutput> RunAsync(IRuntime runtime, WorkloadManifest workload, string kind)
    {
        using var scratch = new TempDirectory();
        var startInfo = runtime.CreateStartInfo(new WorkloadInvocation(
            Suite.ArtifactPath(workload, kind),
            workload.Sizes[SuiteManifest.QuickSize],
            workload.Scratch ? scratch.Path : Suite.Directory,
            workload.Scratch));

        var result = await ProcessRunner.RunAsync(startInfo, TimeSpan.FromMinutes(2), null, CancellationToken.None);

        Assert.True(result.ExitCode == 0, $"{runtime.Id} {workload.Id} {kind} exited {result.ExitCode}: {result.StderrTail}");
        Assert.True(WorkloadOutput.TryParse(result.Stdout, out var output, out var error), error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
        return output!;
    }
}

/// <summary>The build is reproducible: the pinned toolchain rebuilds the committed bytes exactly.</summary>
[Trait("Category", "Slow")]
public sealed class SuiteRebuildTests
{
    [Fact]
    public async Task RebuildingWithThePinnedToolchainReproducesEveryArtifactBitForBit()
    {
        var result = await Repository.RunBuildCheckAsync(Path.Combine("suite", "build"), TimeSpan.FromMinutes(10));

        Assert.True(
            result.ExitCode == 0,
            $"suite/build --check exited {result.ExitCode} (scripts/test installs the toolchain: clang-14, lld, wasi-libc, "
            + $"libclang-rt-14-dev-wasm32, wabt, and Wizer through npm ci in suite/tools):\n{result.Stdout}\n{result.StderrTail}");
    }
}
