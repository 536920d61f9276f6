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
            $"src/Agent/Native/build --check exited {result.ExitCode} (scripts/test installs clang-14, lld, libc6-dev and the arm64 cross packages):\n{result.Stdout}\n{result.StderrTail}");
        foreach (var rid in new[] { "linux-x64", "linux-arm64" })
        {
            foreach (var helper in new[] { NnExec.FileName, NnSpawn.FileName, NnWasmtime.FileName })
            {
                Assert.Contains($"{rid}/{helper}: identical", result.Stdout, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("linux-x64", NnExec.FileName, NnExec.Sha256X64)]
    [InlineData("linux-x64", NnSpawn.FileName, NnSpawn.Sha256X64)]
    [InlineData("linux-x64", NnWasmtime.FileName, NnWasmtime.Sha256X64)]
    [InlineData("linux-arm64", NnExec.FileName, NnExec.Sha256Arm64)]
    [InlineData("linux-arm64", NnSpawn.FileName, NnSpawn.Sha256Arm64)]
    [InlineData("linux-arm64", NnWasmtime.FileName, NnWasmtime.Sha256Arm64)]
    public async Task TheCommittedHelperIsTheOneTheAgentTrusts(string rid, string fileName, string pinnedSha256)
    {
        await using var stream = File.OpenRead(Path.Combine(NativeDirectory, rid, fileName));

        Assert.Equal(pinnedSha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)));
    }
}
