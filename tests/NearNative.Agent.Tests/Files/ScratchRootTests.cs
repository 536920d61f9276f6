using System.Diagnostics;
using System.Text;
using NearNative.Agent.Files;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Results;

namespace NearNative.Agent.Tests.Files;

public sealed class ScratchRootTests : IDisposable
{
    private readonly TempDirectory _parent = new();

    public void Dispose() => _parent.Dispose();

    [Fact]
    public void TheRunGetsAFreshPrivateDirectoryThatGoesWithEverythingInIt()
    {
        string path;
        using (var root = ScratchRoot.Create(_parent.Path))
        {
            path = root.Path;
            Assert.StartsWith(Path.Combine(_parent.Path, ScratchRoot.Prefix), path, StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(path));
            Assert.True(Directory.Exists(root.TempPath));
            var sample = ScratchDirectory.Create(root.Path);
            File.WriteAllText(Path.Combine(sample.Path, "left-behind"), "x");
            File.WriteAllText(Path.Combine(root.TempPath, "child-temp"), "x");
        }

        Assert.False(Directory.Exists(path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_parent.Path));
    }

    [Fact]
    public void ANewRunRemovesTheScratchOfDeadRunsOnly()
    {
        // A dead run's directory: its lock file is there and nobody holds it (the kernel released it with the process).
        var dead = Path.Combine(_parent.Path, ScratchRoot.Prefix + "dead");
        Directory.CreateDirectory(Path.Combine(dead, "tmp"));
        File.WriteAllText(Path.Combine(dead, ScratchRoot.LockFileName), "");
        var unlocked = Path.Combine(_parent.Path, ScratchRoot.Prefix + "being-made");
        Directory.CreateDirectory(unlocked);
        var other = Path.Combine(_parent.Path, "not-ours");
        Directory.CreateDirectory(other);

        using var live = ScratchRoot.Create(_parent.Path);
        using var next = ScratchRoot.Create(_parent.Path);

        Assert.False(Directory.Exists(dead));
        Assert.True(Directory.Exists(live.Path), "a live run's directory was removed");
        Assert.True(Directory.Exists(unlocked));
        Assert.True(Directory.Exists(other));
    }

    [Fact]
    public void ANetworkFileSystemIsRefusedWithOneLineAndNothingCreated()
    {
        var e = Assert.Throws<AgentException>(() => ScratchRoot.Create(_parent.Path, _ => "nfs"));

        Assert.Equal(ExitCodes.Usage, e.ExitCode);
        Assert.Contains("network file system (nfs)", e.Message, StringComparison.Ordinal);
        Assert.Contains("--scratch", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_parent.Path));
    }

    [Fact]
    public void AMissingDirectoryIsRefused()
    {
        var e = Assert.Throws<AgentException>(() => ScratchRoot.Create(_parent.File("missing")));

        Assert.Equal(ExitCodes.Usage, e.ExitCode);
        Assert.Contains("is not a directory", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunLeavesNothingInItsScratchDirectoryAndRecordsTheWriteCap()
    {
        using var home = new TempDirectory();

        var result = await AgentProcess.RunAsync(home.Path, "run", "--quick", "--runtimes", "native", "--rounds", "3", "--max-rounds", "3", "--max-wait", "0",
            "--max-write", "2MB", "--scratch", _parent.Path, "--suite", TestSuite.Directory, "--json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_parent.Path));
        Assert.Contains(result.ErrorLines, l => l.StartsWith("writes: all rounds would write", StringComparison.Ordinal) && l.Contains("filerw is not run", StringComparison.Ordinal));
        var run = ResultJson.Deserialize(Encoding.UTF8.GetBytes(result.Out)).Run;
        Assert.Equal(2L << 20, run.MaxWriteBytes);
        Assert.Equal(new Dictionary<string, int> { ["filerw"] = 0 }, run.WriteCappedRounds);
        Assert.DoesNotContain("filerw", run.WorkloadRounds!.Keys);
    }

    [Fact]
    public async Task CtrlCDuringTheRoundsLeavesNoScratchDirectoryBehind()
    {
        using var home = new TempDirectory();
        var self = AgentExecutable.Current();
        var startInfo = new ProcessStartInfo(self.FileName, [
            .. self.LeadingArguments, "run", "--quick", "--runtimes", "native", "--max-wait", "0", "--scratch", _parent.Path, "--suite", TestSuite.Directory,
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.Environment[AgentContext.HomeVariable] = home.Path;
        using var agent = Process.Start(startInfo)!;
        var output = agent.StandardOutput.ReadToEndAsync();

        // Interrupted once the I/O workloads' rounds are under way, as a user pressing Ctrl-C would.
        while (await agent.StandardError.ReadLineAsync() is { } line && !line.StartsWith("round 1/", StringComparison.Ordinal))
        {
        }

        Assert.NotEmpty(Directory.EnumerateFileSystemEntries(_parent.Path));
        using (var interrupt = Process.Start("kill", ["-INT", agent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        await agent.StandardError.ReadToEndAsync();
        await agent.WaitForExitAsync();
        await output;
        Assert.Equal(ExitCodes.Cancelled, agent.ExitCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_parent.Path));
    }
}
