using System.Security.Cryptography;
using NearNative.Agent.Native;
using NearNative.Agent.Tests.Support;

namespace NearNative.Agent.Tests.Native;

/// <summary>The committed launcher is the one its source builds, and the one the agent's pinned hash names.</summary>
public sealed class NnExecRebuildTests
{
    private static readonly string NativeDirectory = Path.Combine(Repository.Root, "src", "Agent", "Native");

    [Fact]
    public async Task RebuildingFromSourceReproducesTheCommittedLauncherBitForBit()
    {
        var result = await Repository.RunBuildCheckAsync(Path.Combine(NativeDirectory, "build"), TimeSpan.FromMinutes(2));

        Assert.True(
            result.ExitCode == 0,
            $"src/Agent/Native/build --check exited {result.ExitCode} (scripts/test installs clang-14, lld and libc6-dev):\n{result.Stdout}\n{result.StderrTail}");
    }

    [Fact]
    public async Task TheCommittedLauncherIsTheOneTheAgentTrusts()
    {
        await using var stream = File.OpenRead(Path.Combine(NativeDirectory, "nn-exec"));

        Assert.Equal(NnExec.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)));
    }
}
