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
    public void AnArtifactPathLeavingTheSuiteIsRefused()
    {
        var error = Assert.Throws<AgentException>(() => SuiteVerifier.ResolveInside("/srv/suite", "../etc/passwd"));

        Assert.Equal(ExitCodes.SuiteIntegrity, error.ExitCode);
    }
}
