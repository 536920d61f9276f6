using NearNative.Agent.Measurement;
using NearNative.Agent.Native;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Suite;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Tests.Runtimes;

[Trait("Category", "Slow")]
public sealed class WasmtimeRuntimeTests : IDisposable
{
    private readonly LoadedSuite _suite = SuiteVerifier.Load(TestSuite.Directory);
    private readonly TempDirectory _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task TheLeanHostRunsTheModuleItselfAndReportsItsFourPhases()
    {
        var runtime = await ProbedAsync(WasmtimeRuntime.Default(WasmtimeRuntime.DefaultHostDirectory));

        var startInfo = runtime.CreateStartInfo(Invocation("fib"));
        var result = await RunAsync(startInfo, "fib");

        Assert.Equal(NnWasmtime.FileName, Path.GetFileName(startInfo.FileName));
        Assert.True(RuntimePhases.TryParse(result.StderrTail, out var phases), result.StderrTail);
        Assert.Equal([RuntimePhases.Compile, RuntimePhases.Engine, RuntimePhases.Execute, RuntimePhases.Instantiate], phases.Keys.Order(StringComparer.Ordinal));
        Assert.All(phases.Values, ns => Assert.True(ns > 0));
        Assert.True(phases[RuntimePhases.Execute] < result.WallNs);
    }

    [Fact]
    public async Task ThePrecompiledRowCompilesEachModuleOnceAndLoadsItInEveryProcess()
    {
        var cache = _work.File("cache");
        var runtime = await ProbedAsync(WasmtimeRuntime.Precompiled(WasmtimeRuntime.DefaultHostDirectory));

        var first = await runtime.PrepareAsync(_suite, cache, CancellationToken.None);
        var result = await RunAsync(runtime.CreateStartInfo(Invocation("fib")), "fib");
        var again = await ProbedAsync(WasmtimeRuntime.Precompiled(WasmtimeRuntime.DefaultHostDirectory));
        var second = await again.PrepareAsync(_suite, cache, CancellationToken.None);

        Assert.True(first.IsReady, first.FailureReason);
        Assert.Contains(first.Compiled, c => c.Workload == "fib" && !c.FromCache && c.CompileNs > 0);
        Assert.Contains(first.Compiled, c => c.Workload == "inittable" + WorkloadSpec.PreinitSuffix);
        Assert.All(second.Compiled, c => Assert.True(c.FromCache, c.Workload));
        Assert.Equal(first.Compiled.Select(c => c.CompileNs), second.Compiled.Select(c => c.CompileNs));
        Assert.True(RuntimePhases.TryParse(result.StderrTail, out var phases), result.StderrTail);
        Assert.Contains(NnWasmtime.LoadPhase, phases.Keys);
        Assert.DoesNotContain(RuntimePhases.Compile, phases.Keys);
        Assert.True(runtime.PreparesModules);
    }

    [Fact]
    public async Task FileWorkloadsWriteIntoTheirPreopenedScratchDirectory()
    {
        var runtime = await ProbedAsync(WasmtimeRuntime.Default(WasmtimeRuntime.DefaultHostDirectory));
        var workload = _suite.Manifest.Find("filerw")!;
        var scratch = Directory.CreateDirectory(_work.File("scratch")).FullName;

        var withPreopen = runtime.CreateStartInfo(new WorkloadInvocation(
            _suite.ArtifactPath(workload, runtime.ArtifactKind), workload.Sizes[SuiteManifest.QuickSize], scratch, Preopen: true));
        var withoutPreopen = runtime.CreateStartInfo(new WorkloadInvocation(
            _suite.ArtifactPath(workload, runtime.ArtifactKind), workload.Sizes[SuiteManifest.QuickSize], scratch, Preopen: false));

        await RunAsync(withPreopen, "filerw");
        var refused = await ProcessRunner.RunAsync(withoutPreopen, TimeSpan.FromMinutes(1), null, CancellationToken.None);
        Assert.NotEqual(0, refused.ExitCode);
    }

    [Fact]
    public async Task TheGuestsOwnExitCodeIsTheProcessExitCode()
    {
        var runtime = await ProbedAsync(WasmtimeRuntime.Default(WasmtimeRuntime.DefaultHostDirectory));
        var empty = _suite.Manifest.Find("empty")!;

        // The suite's argument parser exits with 2 on an unknown size.
        var result = await ProcessRunner.RunAsync(
            runtime.CreateStartInfo(new WorkloadInvocation(_suite.ArtifactPath(empty, runtime.ArtifactKind), ["no-such-size"], _suite.Directory, false)),
            TimeSpan.FromMinutes(1), null, CancellationToken.None);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("usage", result.StderrTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PulleyIsTheInterpreterRowOfTheSameEngine()
    {
        var runtime = await ProbedAsync(WasmtimeRuntime.Pulley(WasmtimeRuntime.DefaultHostDirectory));
        var info = (await runtime.ProbeAsync(_suite, CancellationToken.None)).Info!;

        var startInfo = runtime.CreateStartInfo(Invocation("fib"));
        await RunAsync(startInfo, "fib");

        Assert.Equal(("wasmtime-pulley", "wasmtime", "pulley", "pulley64"), (info.Id, info.Name, info.Configuration, info.Settings["target"]));
        Assert.True(runtime.IsInterpreter);
        Assert.False(WasmtimeRuntime.Default(WasmtimeRuntime.DefaultHostDirectory).IsInterpreter);
        var arguments = startInfo.ArgumentList.ToList();
        Assert.Equal(WasmtimeTarget.Pulley64, arguments[arguments.IndexOf(NnWasmtime.TargetOption) + 1]);
    }

    [Fact]
    public async Task AHostWhoseBytesAreNotThePinnedOnesIsRefused()
    {
        var directory = Directory.CreateDirectory(_work.File("host")).FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, NnWasmtime.FileName), "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(Path.Combine(directory, NnWasmtime.FileName), UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var probe = await WasmtimeRuntime.Default(directory).ProbeAsync(_suite, CancellationToken.None);
        var missing = await WasmtimeRuntime.Default(_work.File("nowhere")).ProbeAsync(_suite, CancellationToken.None);

        Assert.Null(probe.Info);
        Assert.Contains("SHA-256", probe.SkipReason, StringComparison.Ordinal);
        Assert.Contains("missing", missing.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDotnetRowRunsTheSameModuleInsideTheAgentProcess()
    {
        var runtime = new WasmtimeDotnetRuntime(AgentExecutable.Current());
        var info = (await runtime.ProbeAsync(_suite, CancellationToken.None)).Info!;

        var startInfo = runtime.CreateStartInfo(Invocation("fib"));
        var result = await RunAsync(startInfo, "fib");

        Assert.Equal(("wasmtime-dotnet", "wasmtime", WasmtimeRuntime.Version), (info.Id, info.Name, info.Version));
        Assert.Contains(WasmtimeHost.VerbName, startInfo.ArgumentList);
        Assert.True(RuntimePhases.TryParse(result.StderrTail, out _), result.StderrTail);
    }

    private async Task<WasmtimeRuntime> ProbedAsync(WasmtimeRuntime runtime)
    {
        var probe = await runtime.ProbeAsync(_suite, CancellationToken.None);
        Assert.True(probe.Info is not null, probe.SkipReason);
        return runtime;
    }

    private WorkloadInvocation Invocation(string workloadId)
    {
        var workload = _suite.Manifest.Find(workloadId)!;
        return new WorkloadInvocation(_suite.ArtifactPath(workload, LoadedSuite.WasmArtifact), workload.Sizes[SuiteManifest.QuickSize], _suite.Directory, false);
    }

    private async Task<ProcessResult> RunAsync(System.Diagnostics.ProcessStartInfo startInfo, string workloadId)
    {
        var workload = _suite.Manifest.Find(workloadId)!;
        var result = await ProcessRunner.RunAsync(startInfo, TimeSpan.FromMinutes(2), null, CancellationToken.None);
        Assert.True(result.ExitCode == 0, result.StderrTail);
        Assert.Contains($"\"checksum\":\"{workload.Checksums[SuiteManifest.QuickSize]}\"", result.Stdout, StringComparison.Ordinal);
        return result;
    }
}
