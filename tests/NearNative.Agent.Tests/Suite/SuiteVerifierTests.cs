using System.Runtime.InteropServices;
using NearNative.Agent.Suite;
using NearNative.Agent.Tests.Support;

namespace NearNative.Agent.Tests.Suite;

public sealed class SuiteVerifierTests
{
    [Fact]
    public void TheRealSuiteMatchesItsManifest()
    {
        var suite = SuiteVerifier.Load(TestSuite.Directory);

        Assert.NotEmpty(suite.Manifest.Workloads);
        Assert.All(suite.Manifest.Workloads, w => Assert.True(File.Exists(suite.ArtifactPath(w, LoadedSuite.WasmArtifact))));
    }

    [Fact]
    public void ACorruptedArtifactIsRefusedNamingTheFile()
    {
        using var copy = new TempDirectory();
        TestSuite.CopyTo(copy.Path);
        var victim = Path.Combine(copy.Path, "artifacts", "fib.wasm");
        var bytes = File.ReadAllBytes(victim);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(victim, bytes);

        var error = Assert.Throws<AgentException>(() => SuiteVerifier.Load(copy.Path));

        Assert.Equal(ExitCodes.SuiteIntegrity, error.ExitCode);
        Assert.Contains("artifacts/fib.wasm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunStopsOnACorruptedArtifactWithOneLineAndExitCode3()
    {
        using var copy = new TempDirectory();
        using var home = new TempDirectory();
        TestSuite.CopyTo(copy.Path);
        var victim = Path.Combine(copy.Path, "artifacts", "sha256.native");
        var bytes = File.ReadAllBytes(victim);
        bytes[^1] ^= 0xff;
        File.WriteAllBytes(victim, bytes);

        var result = await CliRun.InvokeAsync(home.Path, "run", "--quick", "--suite", copy.Path, "--no-pin");

        Assert.Equal(ExitCodes.SuiteIntegrity, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("artifacts/sha256.native", line, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void AMissingArtifactIsRefused()
    {
        using var copy = new TempDirectory();
        TestSuite.CopyTo(copy.Path);
        File.Delete(Path.Combine(copy.Path, "artifacts", "empty.native"));

        var error = Assert.Throws<AgentException>(() => SuiteVerifier.Load(copy.Path));

        Assert.Equal(ExitCodes.SuiteIntegrity, error.ExitCode);
        Assert.Contains("artifacts/empty.native", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAarch64MachineRunsTheAarch64NativeBuildsAndTheSameWasmBytes()
    {
        // The repository's suite: the copy beside an x86-64 build of the agent has no aarch64 native builds.
        var repositorySuite = Path.Combine(Repository.Root, "suite");
        var x64 = SuiteVerifier.Load(repositorySuite, Architecture.X64);
        var arm64 = SuiteVerifier.Load(repositorySuite, Architecture.Arm64);

        Assert.All(arm64.Manifest.Workloads, w =>
        {
            var native = arm64.ArtifactPath(w, LoadedSuite.NativeArtifact);
            Assert.EndsWith($"{w.Id}.aarch64.native", native, StringComparison.Ordinal);
            Assert.Equal(x64.ArtifactPath(w, LoadedSuite.WasmArtifact), arm64.ArtifactPath(w, LoadedSuite.WasmArtifact));
            Assert.Equal(Elf.Aarch64, Elf.Machine(native));
            Assert.Equal(Elf.X86_64, Elf.Machine(x64.ArtifactPath(w, LoadedSuite.NativeArtifact)));
        });
    }

    [Fact]
    public void AnAgentForOneArchitectureNeedsOnlyItsOwnNativeBuilds()
    {
        // The suite as a linux-x64 build of the agent ships it: no aarch64 native builds.
        using var copy = new TempDirectory();
        TestSuite.CopyTo(copy.Path);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(copy.Path, "artifacts"), "*.aarch64.native"))
        {
            File.Delete(file);
        }

        Assert.NotEmpty(SuiteVerifier.Load(copy.Path, Architecture.X64).Manifest.Workloads);
        var error = Assert.Throws<AgentException>(() => SuiteVerifier.Load(copy.Path, Architecture.Arm64));
        Assert.Contains("artifacts/alloc.aarch64.native", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Architecture.X86)]
    [InlineData(Architecture.RiscV64)]
    public void AMachineWithoutANativeBuildIsRefusedInOneLine(Architecture architecture)
    {
        var error = Assert.Throws<AgentException>(() => SuiteVerifier.Load(TestSuite.Directory, architecture));

        Assert.Equal(ExitCodes.Usage, error.ExitCode);
        Assert.Contains("x86-64 and aarch64 only", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AnArtifactPathLeavingTheSuiteIsRefused()
    {
        var error = Assert.Throws<AgentException>(() => SuiteVerifier.ResolveInside("/srv/suite", "../etc/passwd"));

        Assert.Equal(ExitCodes.SuiteIntegrity, error.ExitCode);
    }
}
