using System.Diagnostics;
using NearNative.Agent.Measurement;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Suite;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Tests.Measurement;

public sealed class MeasurementPlansTests
{
    private static readonly LoadedSuite Suite = SuiteVerifier.Load(TestSuite.Directory);

    private static readonly IRuntime[] Runtimes = [new NativeRuntime(), new FakeRuntime("wasmtime", LoadedSuite.WasmArtifact), new FakeRuntime("wasm2c-mvp", LoadedSuite.WasmMvpArtifact)];

    [Fact]
    public void TheEmptyProgramHasItsOwnRoundsAndNoOtherWorkloadDoes()
    {
        var (coldStart, workloads) = MeasurementPlans.SuiteUnits(Suite, SuiteManifest.QuickSize, Runtimes);

        var empty = Assert.Single(coldStart);
        Assert.Equal(WorkloadSpec.ColdStartId, empty.Id);
        Assert.Equal(["native", "wasmtime", "wasm2c-mvp"], empty.Runs.Select(r => r.Runtime));
        Assert.All(empty.Runs, r => Assert.True(r.WholeProcess));
        Assert.DoesNotContain(workloads, u => u.Id == WorkloadSpec.ColdStartId);
        Assert.Equal(Suite.Manifest.Workloads.Count - 1, workloads.Count);
    }

    [Fact]
    public void ThePreinitialisedTwinRunsInItsBaseWorkloadsRoundsUnderSimdWasmRuntimesOnly()
    {
        var (_, workloads) = MeasurementPlans.SuiteUnits(Suite, SuiteManifest.QuickSize, Runtimes);
        var inittable = Assert.Single(workloads, u => u.Id == "inittable");

        var twin = Assert.Single(inittable.Runs, r => r.Workload == "inittable" + WorkloadSpec.PreinitSuffix);
        Assert.Equal(("wasmtime", "inittable", true), (twin.Runtime, twin.BaselineWorkload, twin.WholeProcess));
        Assert.EndsWith("inittable.preinit.wasm", twin.ArtifactPath, StringComparison.Ordinal);
        Assert.Contains(inittable.Runs, r => r is { Workload: "inittable", Runtime: "native" });
        Assert.DoesNotContain(workloads.Where(u => u.Id != "inittable").SelectMany(u => u.Runs), r => r.Workload.EndsWith(WorkloadSpec.PreinitSuffix, StringComparison.Ordinal));
    }

    [Fact]
    public void TheFileIoUnitsCarryWhatTheirSourceSaysOneProcessWrites()
    {
        // filerw.c: 40 calls each writing a 16 MiB file at the full size, 4 of 4 MiB at the quick one.
        var (_, full) = MeasurementPlans.SuiteUnits(Suite, SuiteManifest.FullSize, Runtimes);
        var (_, quick) = MeasurementPlans.SuiteUnits(Suite, SuiteManifest.QuickSize, Runtimes);

        Assert.Equal(40L * (16 << 20), Assert.Single(full, u => u.Id == "filerw").WritesBytes);
        Assert.Equal(4L * (4 << 20), Assert.Single(quick, u => u.Id == "filerw").WritesBytes);
        // smallfiles.c: 200 calls of 32 files of 64 B to 4 KiB each.
        Assert.InRange(Assert.Single(full, u => u.Id == "smallfiles").WritesBytes, 200L * 32 * 64, 200L * 32 * 4096);
        Assert.All(full.Where(u => !u.Scratch), u => Assert.Equal(0, u.WritesBytes));
    }

    [Theory]
    [InlineData(true, null, 6, 20)]
    [InlineData(false, null, 10, 20)]
    [InlineData(true, 3, 3, 20)]
    [InlineData(false, 25, 25, 25)]
    public void ColdStartGetsAtLeastTwentyRoundsAndAtLeastTheMinimum(bool quick, int? rounds, int minimum, int coldStart)
    {
        var settings = new RunSettings(quick, null, rounds, null, null, Pin: false);

        Assert.Equal((minimum, coldStart), (settings.RoundPolicy.Minimum, settings.RoundPolicy.ColdStart));
        Assert.True(settings.RoundPolicy.Maximum >= settings.RoundPolicy.Minimum);
    }

    [Fact]
    public void TheMaximumIsNeverBelowTheMinimum()
    {
        Assert.Equal(40, new RunSettings(false, null, 40, null, null, Pin: false).EffectiveMaxRounds);
        Assert.Equal(8, new RunSettings(false, null, 5, null, null, Pin: false, MaxRounds: 8).EffectiveMaxRounds);
    }

    [Fact]
    public void AUserProgramRunsItsNativeBuildNativelyAndItsModuleEverywhereElse()
    {
        var program = new CustomProgram("/x/app.wasm", "/x/app", ["5"]);

        var unit = MeasurementPlans.CustomUnit(program, Runtimes[..2], "0123456789abcdef");

        Assert.True(unit is { UserProgram: true, Scratch: true });
        Assert.Equal(["/x/app", "/x/app.wasm"], unit.Runs.Select(r => r.ArtifactPath));
        Assert.All(unit.Runs, r => Assert.Equal((MeasurementPlans.CustomWorkloadId, true), (r.Workload, r.WholeProcess)));
    }

    private sealed class FakeRuntime(string id, string kind) : IRuntime
    {
        public string Id => id;

        public string ArtifactKind => kind;

        public Task<RuntimeProbe> ProbeAsync(LoadedSuite suite, CancellationToken cancellationToken) =>
            Task.FromResult(RuntimeProbe.Unavailable("fake"));

        public ProcessStartInfo CreateStartInfo(WorkloadInvocation invocation) => new("true");
    }
}
