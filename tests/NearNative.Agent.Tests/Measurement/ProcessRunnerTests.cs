using System.Diagnostics;
using NearNative.Agent.Measurement;

namespace NearNative.Agent.Tests.Measurement;

public sealed class ProcessRunnerTests
{
    [Fact]
    public async Task CollectsStdoutAndTheExitCode()
    {
        var result = await ProcessRunner.RunAsync(new ProcessStartInfo("/bin/sh", ["-c", "echo hello; exit 3"]), TimeSpan.FromMinutes(1), null, CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("hello\n", result.Stdout);
        Assert.False(result.TimedOut);
        Assert.True(result.WallNs > 0);
    }

    [Fact]
    public async Task AProcessPastItsTimeOutIsKilledWithItsChildren()
    {
        using var pidFile = new Support.TempDirectory();
        var marker = pidFile.File("child.pid");

        var result = await ProcessRunner.RunAsync(
            new ProcessStartInfo("/bin/sh", ["-c", $"sleep 60 & echo $! > {marker}; wait"]),
            TimeSpan.FromMilliseconds(500),
            null,
            CancellationToken.None);

        Assert.True(result.TimedOut);
        Assert.Null(result.ExitCode);
        AssertGone(int.Parse(await File.ReadAllTextAsync(marker), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task CancellingKillsTheRunningChild()
    {
        using var pidFile = new Support.TempDirectory();
        var marker = pidFile.File("child.pid");
        using var cancel = new CancellationTokenSource();

        var run = ProcessRunner.RunAsync(
            new ProcessStartInfo("/bin/sh", ["-c", $"sleep 60 & echo $! > {marker}; wait"]),
            TimeSpan.FromMinutes(5),
            _ => cancel.CancelAfter(TimeSpan.FromMilliseconds(500)),
            cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        AssertGone(int.Parse(await File.ReadAllTextAsync(marker), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AProgramThatCannotStartIsReportedNotThrown()
    {
        var result = await ProcessRunner.RunAsync(new ProcessStartInfo("/nonexistent/program"), TimeSpan.FromMinutes(1), null, CancellationToken.None);

        Assert.Null(result.ExitCode);
        Assert.False(result.TimedOut);
        Assert.Contains("cannot start", result.StderrTail, StringComparison.Ordinal);
    }

    private static void AssertGone(int pid)
    {
        // A killed child may linger as a zombie until its reaper notices; it must not be running.
        var state = File.Exists($"/proc/{pid}/stat") ? File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] : "gone";
        Assert.True(state is "gone" or "Z" or "X", $"process {pid} is still {state}");
    }
}
