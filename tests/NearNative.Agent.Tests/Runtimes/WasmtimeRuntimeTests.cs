using NearNative.Agent.Commands;
using NearNative.Agent.Measurement;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Suite;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Tests.Runtimes;

public sealed class WasmtimeRuntimeTests
{
    private readonly LoadedSuite _suite = SuiteVerifier.Load(TestSuite.Directory);

    [Fact]
    public async Task TheHostReportsItsFourPhasesAsItsLastStderrLine()
    {
        var result = await RunAsync(new WasmtimeRuntime(AgentExecutable.Current()), "fib");

        Assert.True(RuntimePhases.TryParse(result.StderrTail, out var phases), result.StderrTail);
        Assert.Equal([RuntimePhases.Compile, RuntimePhases.Engine, RuntimePhases.Execute, RuntimePhases.Instantiate], phases.Keys.Order(StringComparer.Ordinal));
        Assert.All(phases.Values, ns => Assert.True(ns > 0));
        Assert.True(phases[RuntimePhases.Execute] < result.WallNs);
    }

    [Fact]
    public async Task PulleyIsTheInterpreterRowOfTheEmbeddedEngine()
    {
        var runtime = WasmtimeRuntime.Pulley(AgentExecutable.Current());

        var probe = await runtime.ProbeAsync(_suite, CancellationToken.None);

        var info = Assert.IsType<NearNative.Domain.Results.RuntimeInfo>(probe.Info);
        Assert.Equal(("wasmtime-pulley", "wasmtime", "pulley", "pulley64"), (info.Id, info.Name, info.Configuration, info.Settings["target"]));
        Assert.True(runtime.IsInterpreter);
        Assert.False(new WasmtimeRuntime(AgentExecutable.Current()).IsInterpreter);
        var result = await RunAsync(runtime, "fib");
        Assert.True(RuntimePhases.TryParse(result.StderrTail, out _));
    }

    [Fact]
    public void OnlyThePulleyRowNamesATargetOnTheHostsCommandLine()
    {
        var invocation = new WorkloadInvocation("/s/fib.wasm", ["quick"], "/s", false);
        var native = new WasmtimeRuntime(AgentExecutable.Current()).CreateStartInfo(invocation);
        var pulley = WasmtimeRuntime.Pulley(AgentExecutable.Current()).CreateStartInfo(invocation);

        Assert.DoesNotContain(WasmtimeHostCommand.TargetOption, native.ArgumentList);
        var arguments = pulley.ArgumentList.ToList();
        var option = arguments.IndexOf(WasmtimeHostCommand.TargetOption);
        Assert.True(option >= 0 && option < arguments.IndexOf("/s/fib.wasm"), string.Join(' ', arguments));
        Assert.Equal(WasmtimeTarget.Pulley64, arguments[option + 1]);
        Assert.Equal("/s/fib.wasm -- quick", string.Join(' ', arguments[^3..]));
    }

    private async Task<ProcessResult> RunAsync(WasmtimeRuntime runtime, string workloadId)
    {
        var workload = _suite.Manifest.Find(workloadId)!;
        var startInfo = runtime.CreateStartInfo(new WorkloadInvocation(
            _suite.ArtifactPath(workload, runtime.ArtifactKind), workload.Sizes[SuiteManifest.QuickSize], _suite.Directory, false));
        var result = await ProcessRunner.RunAsync(startInfo, TimeSpan.FromMinutes(2), null, CancellationToken.None);
        Assert.True(result.ExitCode == 0, result.StderrTail);
        Assert.Contains($"\"checksum\":\"{workload.Checksums[SuiteManifest.QuickSize]}\"", result.Stdout, StringComparison.Ordinal);
        return result;
    }
}
