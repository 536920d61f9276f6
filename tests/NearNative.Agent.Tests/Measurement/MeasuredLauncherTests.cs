using System.Diagnostics;
using NearNative.Agent.Measurement;
using NearNative.Agent.Native;
using NearNative.Agent.Tests.Support;

namespace NearNative.Agent.Tests.Measurement;

/// <summary>The nn-exec launcher as the agent uses it: real child processes, real peak memory.</summary>
public sealed class MeasuredLauncherTests : IDisposable
{
    private const long MiB = 1 << 20;

    private readonly TempDirectory _work = new();

    public void Dispose() => _work.Dispose();

    [Fact]
    public void TheCommittedLauncherIsNextToTheAgentAndVerified()
    {
        Assert.NotNull(NnExec.Locate(AppContext.BaseDirectory, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void AnAlteredLauncherIsRefused()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, NnExec.FileName), _work.File(NnExec.FileName));
        File.AppendAllText(_work.File(NnExec.FileName), "x");

        Assert.Null(NnExec.Locate(_work.Path, out var problem));
        Assert.Contains("SHA-256", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChildThatTouches64MiBReportsAtLeast64MiB()
    {
        // dd reads 64 MiB of zeros into one buffer, touching every page of it.
        var result = await Run(new ProcessStartInfo("dd", ["if=/dev/zero", "of=/dev/null", "bs=64M", "count=1", "status=none"]));

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.PeakRssBytes >= 64 * MiB, $"peak {result.PeakRssBytes} bytes");
    }

    [Fact]
    public async Task ATrivialChildReportsFarLessThanTheAgentsOwnMemory()
    {
        using var self = Process.GetCurrentProcess();

        var result = await Run(new ProcessStartInfo("true"));

        Assert.Equal(0, result.ExitCode);
        Assert.NotNull(result.PeakRssBytes);
        Assert.True(result.PeakRssBytes < 16 * MiB, $"peak {result.PeakRssBytes} bytes");
        Assert.True(result.PeakRssBytes * 4 < self.WorkingSet64, $"peak {result.PeakRssBytes} bytes against the test host's {self.WorkingSet64}");
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("0.3", true)]
    public async Task OnlyAChildThatOutlivesOnePollIntervalIsPolled(string seconds, bool polled)
    {
        // Reading /proc of a process that has just exec'd, on its own core, slows a short program down:
        // the launcher waits one 20 ms interval before the first look.
        var reportPath = _work.File("report.json");
        var startInfo = TestLauncher.NnExec.Wrap(new ProcessStartInfo("sleep", [seconds]), new ChildLimits(0, false, null, null), reportPath);

        var result = await ProcessRunner.RunAsync(startInfo, TimeSpan.FromMinutes(1), null, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        var report = LaunchReport.TryRead(reportPath);
        Assert.NotNull(report);
        Assert.Equal(polled, report.PolledRssMaxBytes > 0);
    }

    [Fact]
    public async Task AChildAboveTheMemoryCapIsKilledAndSaysSo()
    {
        var result = await Run(
            new ProcessStartInfo("dd", ["if=/dev/zero", "of=/dev/null", "bs=512M", "count=4", "status=none"]),
            new ChildLimits(0, IdleIo: false, Core: null, MemoryCapBytes: 64 * MiB));

        Assert.True(result.MemoryCapExceeded);
        Assert.Null(result.ExitCode);
    }

    [Fact]
    public async Task TheChildRunsAtTheLowestPriorityInTheIdleIoClassOnOneCore()
    {
        var result = await Run(
            new ProcessStartInfo("/bin/sh", ["-c", "nice; ionice; taskset -cp $$"]),
            new ChildLimits(ChildLimits.LowestPriority, IdleIo: true, Core: 0, MemoryCapBytes: null));

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("19", lines[0]);
        Assert.Equal("idle", lines[1]);
        Assert.EndsWith(": 0", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitCodesStdoutAndAMissingProgramComeThrough()
    {
        var exited = await Run(new ProcessStartInfo("/bin/sh", ["-c", "echo hello; exit 3"]));
        var missing = await Run(new ProcessStartInfo("/nonexistent/program"));

        Assert.Equal((3, "hello\n"), (exited.ExitCode, exited.Stdout));
        Assert.Null(missing.ExitCode);
        Assert.Contains("cannot start", missing.StderrTail, StringComparison.Ordinal);
    }

    private Task<ProcessResult> Run(ProcessStartInfo startInfo, ChildLimits? limits = null)
    {
        var launcher = TestLauncher.Create(_work.Path, _work.Path, limits);
        return launcher.RunAsync(startInfo, TimeSpan.FromMinutes(1), CancellationToken.None);
    }
}
