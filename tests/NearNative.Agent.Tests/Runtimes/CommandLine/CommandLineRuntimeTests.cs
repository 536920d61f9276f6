using NearNative.Agent.Measurement;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Runtimes.CommandLine;
using NearNative.Agent.Suite;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Tests.Runtimes.CommandLine;

/// <summary>Changes the test process's PATH, which every probe reads: runs alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessPathTests
{
    public const string Name = "process PATH";
}

[Collection(ProcessPathTests.Name)]
public sealed class CommandLineRuntimeTests : IDisposable
{
    private static readonly string? Node = ExecutableSearch.Find("node");

    private readonly TempDirectory _bin = new();
    private readonly string _argvLog;
    private readonly string? _oldPath = Environment.GetEnvironmentVariable("PATH");
    private readonly LoadedSuite _suite = SuiteVerifier.Load(TestSuite.Directory);

    public CommandLineRuntimeTests()
    {
        _argvLog = _bin.File("argv.log");
        Environment.SetEnvironmentVariable("PATH", _bin.Path + Path.PathSeparator + _oldPath);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PATH", _oldPath);
        _bin.Dispose();
    }

    private static CommandLineRuntime WasmtimeCli() =>
        new(BuiltInRuntimeDefinitions.All.Single(d => d.Name == "wasmtime-cli"));

    [Fact]
    public async Task TheWasmtimeTemplateFindsTheExecutableOnPathAndReadsItsVersion()
    {
        if (Node is null)
        {
            return; // The stand-in runs modules through node; without it there is nothing to forward to.
        }

        StandInExecutables.WriteWasmtimeStandIn(_bin.Path, Node!, _argvLog);
        var runtime = WasmtimeCli();

        var probe = await runtime.ProbeAsync(_suite, CancellationToken.None);

        var info = Assert.IsType<NearNative.Domain.Results.RuntimeInfo>(probe.Info);
        Assert.Equal(("wasmtime-cli", "wasmtime-cli", "99.1.0", "default"), (info.Id, info.Name, info.Version, info.Configuration));
        Assert.Equal("wasmtime run {preopen} {module} {args}", info.Settings["command"]);
        Assert.Equal(LoadedSuite.WasmArtifact, runtime.ArtifactKind);
    }

    [Fact]
    public void TheStartInfoIsTheDocumentedCommandLine()
    {
        var runtime = WasmtimeCli();

        var plain = runtime.CreateStartInfo(new WorkloadInvocation("/s/fib.wasm", ["quick"], "/s", Preopen: false));
        var io = runtime.CreateStartInfo(new WorkloadInvocation("/s/filerw.wasm", ["quick"], "/tmp/scratch", Preopen: true));

        Assert.Equal(["run", "/s/fib.wasm", "quick"], plain.ArgumentList);
        Assert.Equal(["run", "--dir", ".", "/s/filerw.wasm", "quick"], io.ArgumentList);
        Assert.Equal("/tmp/scratch", io.WorkingDirectory);
    }

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("fib")]
    [InlineData("filerw")]
    public async Task ARealSampleThroughTheStandInPrintsTheManifestsChecksum(string workloadId)
    {
        if (Node is null)
        {
            return; // The stand-in runs modules through node; without it there is nothing to forward to.
        }

        StandInExecutables.WriteWasmtimeStandIn(_bin.Path, Node!, _argvLog);
        var runtime = WasmtimeCli();
        Assert.NotNull((await runtime.ProbeAsync(_suite, CancellationToken.None)).Info);
        var workload = _suite.Manifest.Find(workloadId)!;
        using var scratch = new TempDirectory();

        var startInfo = runtime.CreateStartInfo(new WorkloadInvocation(
            _suite.ArtifactPath(workload, runtime.ArtifactKind), workload.Sizes[SuiteManifest.QuickSize], scratch.Path, workload.Scratch));
        var result = await ProcessRunner.RunAsync(startInfo, TimeSpan.FromMinutes(2), null, CancellationToken.None);

        Assert.True(result.ExitCode == 0, result.StderrTail);
        Assert.Contains($"\"checksum\":\"{workload.Checksums[SuiteManifest.QuickSize]}\"", result.Stdout, StringComparison.Ordinal);
        var logged = await File.ReadAllLinesAsync(_argvLog);
        Assert.Equal(startInfo.ArgumentList, logged);
        Assert.Empty(Directory.EnumerateFileSystemEntries(scratch.Path));
        Assert.True(RuntimePhases.TryParse(result.StderrTail, out var phases));
        Assert.Contains(RuntimePhases.Execute, phases.Keys);
    }

    [Fact]
    public async Task AnExecutableWithoutAVersionIsSkippedWithOneReason()
    {
        StandInExecutables.WriteScript(_bin.Path, "wasmtime", "echo 'no idea'\n");

        var probe = await WasmtimeCli().ProbeAsync(_suite, CancellationToken.None);

        Assert.Null(probe.Info);
        Assert.Contains("printed no version", probe.SkipReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingExecutableIsSkippedWithOneReason()
    {
        Environment.SetEnvironmentVariable("PATH", _bin.Path);

        var probe = await WasmtimeCli().ProbeAsync(_suite, CancellationToken.None);

        Assert.Equal("wasmtime is not on PATH", probe.SkipReason);
    }
}
