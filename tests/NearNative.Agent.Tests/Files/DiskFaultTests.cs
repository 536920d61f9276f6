using System.Diagnostics;
using NearNative.Agent.Tests.Support;

namespace NearNative.Agent.Tests.Files;

/// <summary>
/// A full disk and a read-only home, made real with a small tmpfs mounted for the test (a full one is filled first;
/// a read-only one is mounted so): the agent says so in one line, exits non-zero and leaves no partial file. Mounting
/// needs root, as <c>scripts/test</c> runs; a file size limit (RLIMIT_FSIZE) would not do, since the kernel kills a
/// process that crosses it with SIGXFSZ unless the process ignores the signal.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DiskFaultTests
{
    [Theory]
    [InlineData("keys", "init")]
    [InlineData("run", "--quick", "--runtimes", "native", "--max-wait", "0")]
    public async Task AReadOnlyHomeGivesOneLineAndAnError(params string[] args)
    {
        using var mount = await TmpfsMount.CreateAsync(readOnly: true);

        var result = await AgentProcess.RunAsync(Path.Combine(mount.Path, "nearnative"), [.. args, .. SuiteFor(args)]);

        AssertOneLine(result, "Read-only file system");
    }

    [Fact]
    public async Task AFullDiskForTheHomeGivesOneLineAndLeavesNoPartialKey()
    {
        using var mount = await TmpfsMount.CreateAsync(readOnly: false);
        var home = Path.Combine(mount.Path, "nearnative");

        var result = await AgentProcess.RunAsync(home, "keys", "init");

        AssertOneLine(result, "No space left on device");
        Assert.Empty(Directory.Exists(home) ? Directory.EnumerateFileSystemEntries(home) : []);
    }

    [Fact]
    public async Task AFullDiskForTheResultGivesOneLineAndLeavesNoPartialFile()
    {
        using var home = new TempDirectory();
        using var mount = await TmpfsMount.CreateAsync(readOnly: false);

        var result = await AgentProcess.RunAsync(
            home.Path, "run", "--quick", "--runtimes", "native", "--rounds", "3", "--max-rounds", "3", "--max-wait", "0",
            "--suite", TestSuite.Directory, "--out", Path.Combine(mount.Path, "result.json"));

        AssertOneLine(result, "No space left on device");
        Assert.Equal([TmpfsMount.Filler], Directory.EnumerateFileSystemEntries(mount.Path).Select(Path.GetFileName));
    }

    private static string[] SuiteFor(string[] args) => args[0] == "run" ? ["--suite", TestSuite.Directory] : [];

    /// <summary>The error is the last line, one line, naming the cause; the exit code says it failed.</summary>
    private static void AssertOneLine(CliResult result, string cause)
    {
        Assert.NotEqual(ExitCodes.Ok, result.ExitCode);
        var last = result.ErrorLines[^1];
        Assert.StartsWith("nearnative: ", last, StringComparison.Ordinal);
        Assert.Contains(cause, last, StringComparison.Ordinal);
        Assert.Single(result.ErrorLines, l => l.StartsWith("nearnative: ", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    /// <summary>A 256 KiB tmpfs, read-only or filled to the last byte by <see cref="Filler"/>; unmounted when disposed.</summary>
    private sealed class TmpfsMount : IDisposable
    {
        public const string Filler = "filler";

        private readonly TempDirectory _directory = new();

        private TmpfsMount()
        {
        }

        public string Path => _directory.Path;

        public static async Task<TmpfsMount> CreateAsync(bool readOnly)
        {
            Assert.True(Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root",
                "mounting a tmpfs needs root; scripts/test runs as root");
            var mount = new TmpfsMount();
            await RunAsync("mount", "-t", "tmpfs", "-o", (readOnly ? "ro," : "") + "size=256k,mode=0777", "tmpfs", mount.Path);
            if (!readOnly)
            {
                try
                {
                    await using var filler = File.Create(System.IO.Path.Combine(mount.Path, Filler));
                    var block = new byte[4096];
                    while (true)
                    {
                        await filler.WriteAsync(block);
                        await filler.FlushAsync();
                    }
                }
                catch (IOException)
                {
                    // Full.
                }
            }

            return mount;
        }

        public void Dispose()
        {
            RunAsync("umount", Path).GetAwaiter().GetResult();
            _directory.Dispose();
        }

        private static async Task RunAsync(string command, params string[] args)
        {
            using var process = Process.Start(command, args);
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', args)} failed");
        }
    }
}
