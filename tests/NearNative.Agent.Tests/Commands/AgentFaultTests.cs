using System.Diagnostics;
using System.Globalization;
using NearNative.Agent.Files;
using NearNative.Agent.Tests.Runtimes;
using NearNative.Agent.Tests.Support;

namespace NearNative.Agent.Tests.Commands;

/// <summary>
/// The agent stopped mid-run, the way users and machines stop it. SIGINT and SIGTERM run its clean-up; SIGKILL runs
/// none, so the launcher of the measured process notices the agent is gone and kills what it started, and the next
/// run removes the scratch directory that was left. Either way no process of the run survives, and the result file
/// is whole or absent, never half written.
/// </summary>
[Trait("Category", "Slow")]
public sealed class AgentFaultTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _work = new();

    public void Dispose()
    {
        // A failed test must not leave its processes running on the machine.
        var pids = File.Exists(PidLog) ? File.ReadAllLines(PidLog).Select(l => int.Parse(l, CultureInfo.InvariantCulture)) : [];
        foreach (var pid in pids.Where(IsAlive).Concat(ProcessesNaming(_work.Path)))
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Already gone.
            }
        }

        _work.Dispose();
    }

    private string Home => _work.File("home");

    private string Scratch => _work.File("scratch");

    private string OutFile => _work.File("out/result.json");

    private string PidLog => _work.File("pids");

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task ASignalMidRunLeavesNoProcessNoScratchAndNoOutput(string signal)
    {
        var agent = await StartStalledRunAsync();

        await SignalAsync(agent.Id, signal);

        Assert.True(await ExitsAsync(agent), "the agent did not exit");
        Assert.Equal(ExitCodes.Cancelled, agent.ExitCode);
        await AssertNothingOfTheRunIsLeftAsync();
        Assert.Empty(Directory.EnumerateFileSystemEntries(Scratch));
    }

    [Fact]
    public async Task AfterSigkillNoProcessSurvivesAndTheNextRunRemovesTheScratchLeft()
    {
        var agent = await StartStalledRunAsync();

        agent.Kill();

        Assert.True(await ExitsAsync(agent));
        await AssertNothingOfTheRunIsLeftAsync();
        var left = Assert.Single(Directory.EnumerateDirectories(Scratch));
        Assert.True(File.Exists(Path.Combine(left, ScratchRoot.LockFileName)));

        // The next run, stopped in its turn, removes what the killed one left as well as its own.
        var next = await StartStalledRunAsync();
        Assert.False(Directory.Exists(left), "the next run did not remove the scratch directory of the killed one");
        await SignalAsync(next.Id, "TERM");
        Assert.True(await ExitsAsync(next));
        await AssertNothingOfTheRunIsLeftAsync();
        Assert.Empty(Directory.EnumerateFileSystemEntries(Scratch));
    }

    /// <summary>
    /// A run of the real suite's native build and a runtime whose every process sleeps, started as its own process;
    /// returns once the first sleeping workload has started, i.e. mid-run.
    /// </summary>
    private async Task<Process> StartStalledRunAsync()
    {
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Scratch);
        Directory.CreateDirectory(Path.GetDirectoryName(OutFile)!);
        File.Delete(PidLog);
        var stall = StandInExecutables.WriteScript(_work.Path, "stall", $"""
            if [ "$1" = "--version" ]; then echo "stall 1.0.0"; exit 0; fi
            echo $$ >> '{PidLog}'
            exec sleep 300
            """);
        var runtimeFile = _work.File("runtimes.json");
        File.WriteAllText(runtimeFile, $$"""
            { "runtimes": [ { "name": "stall", "executable": "{{stall}}", "versionPattern": "stall ([0-9.]+)", "run": ["{module}", "{args}"] } ] }
            """);

        var agent = AgentProcess.Start(
            Home, "run", "--quick", "--runtime-file", runtimeFile, "--runtimes", "stall", "--rounds", "3", "--max-rounds", "3",
            "--max-wait", "0", "--suite", TestSuite.Directory, "--scratch", Scratch, "--out", OutFile);
        using var limit = new CancellationTokenSource(Bound);
        while (!File.Exists(PidLog) || File.ReadAllText(PidLog).Length == 0)
        {
            if (agent.HasExited)
            {
                Assert.Fail($"the run ended (exit {agent.ExitCode}) before a stalled workload started: {await agent.StandardError.ReadToEndAsync()}");
            }

            await Task.Delay(50, limit.Token);
        }

        return agent;
    }

    private async Task AssertNothingOfTheRunIsLeftAsync()
    {
        // The stalled workloads, and any process whose command line names this test's directory (the launcher).
        var pids = File.ReadAllLines(PidLog).Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToList();
        var deadline = Stopwatch.StartNew();
        while (pids.Any(IsAlive) || ProcessesNaming(_work.Path).Count > 0)
        {
            Assert.True(deadline.Elapsed < Bound, $"processes of the run are still alive: {string.Join(", ", pids.Where(IsAlive).Concat(ProcessesNaming(_work.Path)))}");
            await Task.Delay(50);
        }

        var output = Path.GetDirectoryName(OutFile)!;
        Assert.Empty(Directory.EnumerateFileSystemEntries(output));
    }

    private static async Task<bool> ExitsAsync(Process process)
    {
        using var limit = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return false;
        }
    }

    private static async Task SignalAsync(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, pid.ToString(CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Running: its /proc entry exists and it is not a zombie waiting to be reaped.</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static List<int> ProcessesNaming(string text)
    {
        var found = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(entry), CultureInfo.InvariantCulture, out var pid) && pid != Environment.ProcessId && IsAlive(pid))
            {
                try
                {
                    if (File.ReadAllText(Path.Combine(entry, "cmdline")).Contains(text, StringComparison.Ordinal))
                    {
                        found.Add(pid);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Gone meanwhile.
                }
            }
        }

        return found;
    }
}
