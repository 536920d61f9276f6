using NearNative.Agent.Measurement;
using NearNative.Agent.Native;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Suite;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Tests.Measurement;

/// <summary>The real instance-start hosts (nn-wasmtime instances, the Node script, nn-spawn) with small counts.</summary>
[Trait("Category", "Slow")]
public sealed class InstanceStartStageTests : IDisposable
{
    private static readonly InstanceStartCounts Small = new(2, 25, 10);

    private readonly LoadedSuite _suite = SuiteVerifier.Load(TestSuite.Directory);
    private readonly TempDirectory _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task TheWasmtimeHostTimesEveryInstanceAndTheResidentSetOfTheLiveOnes()
    {
        var wasmtime = WasmtimeRuntime.Default(WasmtimeRuntime.DefaultHostDirectory);
        Assert.NotNull((await wasmtime.ProbeAsync(_suite, CancellationToken.None)).Info);

        var results = await RunStageAsync([wasmtime], spawn: null);

        var measurement = Assert.Single(results, m => m.Method == InstanceStart.InHost);
        AssertMeasured(measurement, "wasmtime", live: Small.Live);
        Assert.True(measurement.ResidentBytesBefore > 0);
        Assert.True(measurement.ResidentBytesAfter > measurement.ResidentBytesBefore);
    }

    [Fact]
    public async Task TheNodeScriptTimesEveryInstanceWithTheRowsOwnFlags()
    {
        var node = NodeRuntime.NoLiftoff(NodeRuntime.DefaultRunnerPath);
        if ((await node.ProbeAsync(_suite, CancellationToken.None)).Info is null)
        {
            return; // No node on this machine: the agent skips the row, and so does its instance start.
        }

        var startInfo = node.CreateInstanceStartInfo(new InstanceStartInvocation("m.wasm", ["quick"], 1, 2, 3))!;
        var results = await RunStageAsync([node], spawn: null);

        Assert.Contains("--no-liftoff", startInfo.ArgumentList);
        Assert.Equal(NodeRuntime.InstancesFileName, Path.GetFileName(startInfo.ArgumentList.First(a => a.EndsWith(".mjs", StringComparison.Ordinal))));
        var measurement = Assert.Single(results, m => m.Method == InstanceStart.InHost);
        AssertMeasured(measurement, "node-no-liftoff", live: Small.Live);
        Assert.True(measurement.ResidentBytesAfter > 0);
    }

    [Fact]
    public async Task NnSpawnStartsTheNativeEmptyProgramEveryWayOrSaysWhyNot()
    {
        var spawn = NnSpawn.Locate(AppContext.BaseDirectory, out var problem);
        Assert.True(spawn is not null, problem);

        var results = await RunStageAsync([], spawn);

        Assert.Equal(InstanceStart.NativeMethods, results.Select(m => m.Method));
        Assert.All(results.Where(m => m.Method != InstanceStart.Namespaced), m => AssertMeasured(m, RuntimeInfo.NativeId, live: 0));
        var namespaced = results.Single(m => m.Method == InstanceStart.Namespaced);
        if (namespaced.UnavailableReason is { } reason)
        {
            Assert.StartsWith("unshare", reason, StringComparison.Ordinal);
        }
        else
        {
            AssertMeasured(namespaced, RuntimeInfo.NativeId, live: 0);
        }
    }

    [Fact]
    public async Task WithoutNnSpawnTheBaselinesAreListedAsUnavailable()
    {
        var results = await RunStageAsync([], spawn: null);

        Assert.Equal(InstanceStart.NativeMethods, results.Select(m => m.Method));
        Assert.All(results, m => Assert.Contains(NnSpawn.FileName, m.UnavailableReason, StringComparison.Ordinal));
    }

    [Fact]
    public void TheStageKeepsAtMostATenthOfTheBudgetFromTheRounds()
    {
        Assert.Equal(TimeSpan.FromSeconds(7.5), InstanceStartStage.Reserve(TimeSpan.FromMinutes(15), runtimes: 2));
        Assert.Equal(TimeSpan.FromSeconds(6), InstanceStartStage.Reserve(TimeSpan.FromMinutes(1), runtimes: 6));
    }

    private async Task<IReadOnlyList<InstanceStart>> RunStageAsync(IReadOnlyList<IRuntime> runtimes, NnSpawn? spawn)
    {
        var launcher = TestLauncher.Create(_work.Path, Directory.CreateDirectory(_work.File("tmp")).FullName, new ChildLimits(0, false, null, 4L << 30));
        var stage = new InstanceStartStage(launcher, spawn, Small);
        return await stage.RunAsync(_suite, SuiteManifest.QuickSize, runtimes, TimeSpan.FromMinutes(2), _ => { }, CancellationToken.None);
    }

    private static void AssertMeasured(InstanceStart measurement, string runtime, int live)
    {
        Assert.True(measurement.UnavailableReason is null, measurement.UnavailableReason);
        Assert.Equal(runtime, measurement.Runtime);
        Assert.Equal(Small.Count, measurement.StartNs.Count);
        Assert.Equal(Small.Warmup, measurement.WarmupNs.Count);
        Assert.All(measurement.StartNs.Concat(measurement.WarmupNs), ns => Assert.True(ns > 0));
        Assert.Equal(live, measurement.LiveInstances);
    }
}
