using NearNative.Agent.Measurement;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Suite;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Tests.Runtimes;

/// <summary>
/// JavaScriptCore's shell with our WASI layer, end to end on real suite modules and on tiny hand-made ones. The
/// process tests pass without running on machines without jsc; <c>doctor</c> says why there.
/// </summary>
public sealed class JscRuntimeTests
{
    private readonly LoadedSuite _suite = SuiteVerifier.Load(TestSuite.Directory);

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("fib")]
    [InlineData("sha256")]
    public async Task SuiteWorkloadsGiveTheManifestsChecksumAndReportThreePhasesLast(string workloadId)
    {
        if (await ProbedAsync() is not { } runtime)
        {
            return;
        }

        var workload = _suite.Manifest.Find(workloadId)!;
        var result = await RunAsync(runtime, _suite.ArtifactPath(workload, runtime.ArtifactKind), workload.Sizes[SuiteManifest.QuickSize]);

        Assert.True(result.ExitCode == 0, result.StderrTail);
        Assert.True(WorkloadOutput.TryParse(result.Stdout, out var output, out var problem), problem);
        Assert.Equal((workloadId, workload.Checksums[SuiteManifest.QuickSize]), (output!.Workload, output.Checksum));
        Assert.True(RuntimePhases.TryParse(result.StderrTail, out var phases), result.StderrTail);
        Assert.Equal([RuntimePhases.Compile, RuntimePhases.Execute, RuntimePhases.Instantiate], phases.Keys.Order(StringComparer.Ordinal));
        Assert.True(phases[RuntimePhases.Execute] >= output.KernelNs, $"execute {phases[RuntimePhases.Execute]} ns < kernel {output.KernelNs} ns");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task ProcExitZeroAndReturningSucceedWhileANonZeroStatusOrATrapFailWithTheirCauseOnStderr()
    {
        if (await ProbedAsync() is not { } runtime)
        {
            return;
        }

        using var directory = new TempDirectory();

        var returned = await RunAsync(runtime, WasiTestModule.WriteTo(directory.Path, "return.wasm", WasiTestModule.Returning("one\ntwo")), []);
        var exitedZero = await RunAsync(runtime, WasiTestModule.WriteTo(directory.Path, "exit0.wasm", WasiTestModule.Exiting("zero\n", 0)), []);
        var exitedSeven = await RunAsync(runtime, WasiTestModule.WriteTo(directory.Path, "exit7.wasm", WasiTestModule.Exiting("seven\n", 7)), []);
        var trapped = await RunAsync(runtime, WasiTestModule.WriteTo(directory.Path, "trap.wasm", WasiTestModule.Trapping("trap\n")), []);

        // A last line without a newline is flushed at exit, with the newline the shell's print adds.
        Assert.Equal((0, "one\ntwo\n"), (returned.ExitCode, returned.Stdout));
        Assert.Equal((0, "zero\n"), (exitedZero.ExitCode, exitedZero.Stdout));
        Assert.True(RuntimePhases.TryParse(exitedZero.StderrTail, out _), exitedZero.StderrTail);

        Assert.NotEqual(0, exitedSeven.ExitCode);
        Assert.StartsWith("seven\n", exitedSeven.Stdout, StringComparison.Ordinal);
        Assert.Contains("proc_exit(7)", exitedSeven.StderrTail, StringComparison.Ordinal);
        Assert.True(RuntimePhases.TryParse(exitedSeven.StderrTail, out _), "the phases line stays last: " + exitedSeven.StderrTail);

        Assert.NotEqual(0, trapped.ExitCode);
        Assert.StartsWith("trap\n", trapped.Stdout, StringComparison.Ordinal);
        Assert.Contains("wasm trap: ", trapped.StderrTail, StringComparison.Ordinal);
    }

    [Fact]
    public void FileIoWorkloadsAreLeftOutOfThePlanAndListedAsNotRunWithTheReason()
    {
        IReadOnlyList<IRuntime> runtimes = [new NativeRuntime(), new JscRuntime()];
        var io = _suite.Manifest.Workloads.Where(w => w.Scratch).Select(w => w.Id).ToList();

        var notRun = MeasurementPlans.NotRun(_suite, runtimes);
        var (_, units) = MeasurementPlans.SuiteUnits(_suite, SuiteManifest.QuickSize, runtimes);

        Assert.Equal(["filerw", "smallfiles"], io.Order(StringComparer.Ordinal));
        var entry = Assert.Single(notRun);
        Assert.Equal(new SkippedRuntime(JscRuntime.Name, JscRuntime.NoFileSystemReason, entry.Workloads), entry);
        Assert.Equal(io, entry.Workloads);
        Assert.All(units, u => Assert.Equal(!io.Contains(u.Id), u.Runs.Any(r => r.Runtime == JscRuntime.Name)));
        Assert.All(units, u => Assert.Contains(u.Runs, r => r.Runtime == RuntimeInfo.NativeId));
        Assert.Contains(units.Single(u => u.Id == "inittable").Runs, r => r.Runtime == JscRuntime.Name && r.Workload == "inittable" + WorkloadSpec.PreinitSuffix);
    }

    [Theory]
    [InlineData("2.50.6-1~deb12u2", "2.50.6")]
    [InlineData("1:2.38.6-0+deb11u1", "2.38.6")]
    [InlineData("2.44.0", "2.44.0")]
    public void TheVersionIsTheUpstreamPartOfTheDebianPackageVersion(string package, string upstream) =>
        Assert.Equal(upstream, JscRuntime.UpstreamVersion(package));

    private async Task<JscRuntime?> ProbedAsync()
    {
        var runtime = new JscRuntime();
        var probe = await runtime.ProbeAsync(_suite, CancellationToken.None);
        if (probe.Info is null)
        {
            return null; // No jsc here.
        }

        Assert.Equal((JscRuntime.Name, RuntimeInfo.DefaultConfiguration), (probe.Info.Id, probe.Info.Configuration));
        Assert.Matches(@"^\d+\.\d+\.\d+$", probe.Info.Version);
        Assert.StartsWith("libjavascriptcoregtk-", probe.Info.Settings["package"], StringComparison.Ordinal);
        return runtime;
    }

    private static Task<ProcessResult> RunAsync(JscRuntime runtime, string module, IReadOnlyList<string> arguments) =>
        ProcessRunner.RunAsync(
            runtime.CreateStartInfo(new WorkloadInvocation(module, arguments, Path.GetDirectoryName(module)!, Preopen: false)),
            TimeSpan.FromMinutes(2),
            null,
            CancellationToken.None);
}
