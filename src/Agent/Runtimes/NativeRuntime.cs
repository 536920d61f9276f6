using System.Diagnostics;
using System.Text.RegularExpressions;
using NearNative.Agent.Suite;
using NearNative.Domain.Results;

namespace NearNative.Agent.Runtimes;

/// <summary>The baseline: the natively compiled artifact, run directly.</summary>
public sealed partial class NativeRuntime : IRuntime
{
    public string Id => RuntimeInfo.NativeId;

    public string ArtifactKind => LoadedSuite.NativeArtifact;

    public string InstallHint => "ships with the suite (static x86-64 binaries)";

    public Task<RuntimeProbe> ProbeAsync(LoadedSuite suite, CancellationToken cancellationToken)
    {
        // The native "version" is the compiler that built the baseline; its flags are in the manifest.
        var compiler = suite.Manifest.Toolchain.GetValueOrDefault("clang") is { } clang && ClangVersion().Match(clang) is { Success: true } m
            ? "clang-" + m.Groups[1].Value
            : "unknown";
        return Task.FromResult(RuntimeProbe.Available(
            new RuntimeInfo(Id, RuntimeInfo.NativeId, compiler, RuntimeInfo.DefaultConfiguration, new Dictionary<string, string>())));
    }

    public ProcessStartInfo CreateStartInfo(WorkloadInvocation invocation) =>
        new(invocation.ArtifactPath, invocation.Arguments) { WorkingDirectory = invocation.WorkingDirectory };

    [GeneratedRegex(@"version\s+([0-9][0-9.]*)")]
    private static partial Regex ClangVersion();
}
