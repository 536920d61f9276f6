using NearNative.Agent.Tests.Support;

namespace NearNative.Agent.Tests.Commands;

public sealed class UsageErrorTests
{
    [Theory]
    [InlineData("run", "--bogus")]
    [InlineData("run", "--rounds", "zero")]
    [InlineData("run", "--rounds", "0")]
    [InlineData("run", "--max-write", "lots")]
    [InlineData("submit")]
    [InlineData("keys", "register", "--server", "ftp://example.org")]
    [InlineData("frobnicate")]
    [InlineData("run", "--submit")]
    public async Task BadCommandLinesGetOneLineAndExitCode2(params string[] args)
    {
        using var home = new TempDirectory();

        var result = await CliRun.InvokeAsync(home.Path, args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.DoesNotContain(" at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownRuntimeIsAUsageErrorListingTheKnownOnes()
    {
        using var home = new TempDirectory();

        var result = await CliRun.InvokeAsync(home.Path, "run", "--quick", "--runtimes", "wasmtime,spidermonkey", "--suite", TestSuite.Directory);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("spidermonkey", line, StringComparison.Ordinal);
        Assert.Contains("node-no-liftoff", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingScratchDirectoryIsAUsageErrorBeforeAnythingRuns()
    {
        using var home = new TempDirectory();

        var result = await CliRun.InvokeAsync(home.Path, "run", "--quick", "--scratch", home.File("missing"), "--suite", TestSuite.Directory);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--scratch", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASuiteDirectoryWithoutManifestIsAUsageError()
    {
        using var home = new TempDirectory();

        var result = await CliRun.InvokeAsync(home.Path, "run", "--quick", "--suite", home.Path);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("manifest.json", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
