using System.Security.Cryptography;
using NearNative.Agent.Native;
using NearNative.Agent.Tests.Support;

namespace NearNative.Agent.Tests.Native;

/// <summary>The committed native helpers are the ones their sources build, and the ones the agent's pinned hashes name.</summary>
public sealed class NativeHelpersRebuildTests
{
    private static readonly string NativeDirectory = Path.Combine(Repository.Root, "src", "Agent", "Native");

    [Fact]
    [Trait("Category", "Slow")]
    public async Task RebuildingFromSourceReproducesTheCommittedHelpersBitForBit()
    {
        var result = await Repository.RunBuildCheckAsync(Path.Combine(NativeDirectory, "build"), TimeSpan.FromMinutes(2));

        Assert.True(
            result.ExitCode == 0,
            $"src/Agent/Native/build --check exited {result.ExitCode} (scripts/test installs clang-14, lld and libc6-dev):\n{result.Stdout}\n{result.StderrTail}");
        Assert.Contains("nn-exec: identical", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("nn-spawn: identical", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("nn-wasmtime: identical", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NnExec.FileName, NnExec.Sha256)]
    [InlineData(NnSpawn.FileName, NnSpawn.Sha256)]
    [InlineData(NnWasmtime.FileName, NnWasmtime.Sha256)]
    public async Task TheCommittedHelperIsTheOneTheAgentTrusts(string fileName, string pinnedSha256)
    {
        await using var stream = File.OpenRead(Path.Combine(NativeDirectory, fileName));

        Assert.Equal(pinnedSha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)));
    }
}
