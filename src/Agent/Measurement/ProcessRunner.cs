using System.ComponentModel;
using System.Diagnostics;

namespace NearNative.Agent.Measurement;

/// <summary>
/// Starts one child process, times it from outside and collects its stdout. A time-out or Ctrl-C kills
/// the whole process tree, so nothing is left running behind the agent.
/// </summary>
public static class ProcessRunner
{
    private const int StderrTailLength = 2000;

    /// <param name="onStarted">Called right after start, e.g. to lower the child's priority.</param>
    /// <exception cref="OperationCanceledException">Cancelled; the child is already dead.</exception>
    public static async Task<ProcessResult> RunAsync(
        ProcessStartInfo startInfo,
        TimeSpan timeout,
        Action<Process>? onStarted,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;

        using var process = new Process { StartInfo = startInfo };
        var started = Stopwatch.GetTimestamp();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return new ProcessResult(null, "", $"cannot start {startInfo.FileName}: {e.Message}", 0, TimedOut: false);
        }

        onStarted?.Invoke(process);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
        }

        var wallNs = Stopwatch.GetElapsedTime(started).Ticks * (1_000_000_000 / TimeSpan.TicksPerSecond);
        var output = await stdout;
        var errors = await stderr;
        return new ProcessResult(
            timedOut ? null : process.ExitCode,
            output,
            errors.Length > StderrTailLength ? errors[^StderrTailLength..] : errors,
            wallNs,
            timedOut);
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited on its own in the meantime.
        }
    }
}
