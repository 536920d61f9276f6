using NearNative.Agent.Runtimes;
using NearNative.Agent.Suite;
using NearNative.Agent.Tests.Runtimes.CommandLine;
using NearNative.Agent.Tests.Support;

namespace NearNative.Agent.Tests.Runtimes;

/// <summary>What the jsc adapter takes from the process environment: PATH for the probe, engine options for the child.</summary>
[Collection(ProcessPathTests.Name)]
public sealed class JscProbeTests : IDisposable
{
    private const string EngineOption = "JSC_useJIT";

    private readonly TempDirectory _emptyBin = new();
    private readonly string? _oldPath = Environment.GetEnvironmentVariable("PATH");
    private readonly LoadedSuite _suite = SuiteVerifier.Load(TestSuite.Directory);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PATH", _oldPath);
        Environment.SetEnvironmentVariable(EngineOption, null);
        _emptyBin.Dispose();
    }

    [Fact]
    public async Task WithoutJscOnPathOrInItsPackagedPlaceTheProbeSaysSoInOneLine()
    {
        Environment.SetEnvironmentVariable("PATH", _emptyBin.Path);

        var probe = await new JscRuntime(JscRuntime.DefaultRunnerPath, []).ProbeAsync(_suite, CancellationToken.None);

        Assert.Null(probe.Info);
        Assert.Equal("jsc is not on PATH", probe.SkipReason);
    }

    [Fact]
    public async Task AJscFoundOffPathWhoseVersionCannotBeToldIsUnavailable()
    {
        if (ExecutableSearch.Find("jsc") is not { } jsc)
        {
            return; // No jsc here to find off PATH.
        }

        // With an empty PATH there is no dpkg-query either: the shell is found but its version is unknown.
        Environment.SetEnvironmentVariable("PATH", _emptyBin.Path);

        var probe = await new JscRuntime(JscRuntime.DefaultRunnerPath, ["/nonexistent/jsc", jsc]).ProbeAsync(_suite, CancellationToken.None);

        Assert.Null(probe.Info);
        Assert.StartsWith("cannot tell the version of ", probe.SkipReason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', probe.SkipReason!);
    }

    [Fact]
    public void EngineOptionsFromTheEnvironmentNeverReachTheShell()
    {
        Environment.SetEnvironmentVariable(EngineOption, "false");

        var startInfo = new JscRuntime().CreateStartInfo(new WorkloadInvocation("/s/fib.wasm", ["quick"], "/s", Preopen: false));

        Assert.Equal([JscRuntime.DefaultRunnerPath, "--", "/s/fib.wasm", "quick"], startInfo.ArgumentList);
        Assert.False(startInfo.Environment.ContainsKey(EngineOption));
        Assert.True(startInfo.Environment.ContainsKey("PATH"));
    }
}
