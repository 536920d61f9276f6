using System.Diagnostics;
using NearNative.Agent.Machine;
using NearNative.Agent.Native;

namespace NearNative.Agent.Measurement;

/// <summary>
/// Starts every measured process, native and runtimes alike, the same way: through <see cref="NnExec"/> when it is
/// present and intact, which gives each process its own peak memory and enforces the child limits; otherwise
/// directly, with priority and affinity set after start and no memory figure. Either way the process gets the
/// <see cref="ChildEnvironment"/>, which keeps its files inside the agent's home and the run's scratch directory.
/// </summary>
public sealed class MeasuredLauncher
{
    private readonly NnExec? _nnExec;
    private readonly ProductionSafety _safety;
    private readonly ChildEnvironment _environment;
    private readonly string _reportPath;

    public MeasuredLauncher(NnExec? nnExec, ChildLimits limits, ProductionSafety safety, ChildEnvironment environment, string workDirectory)
    {
        _nnExec = nnExec;
        Limits = limits;
        _safety = safety;
        _environment = environment;
        Directory.CreateDirectory(workDirectory);
        _reportPath = Path.Combine(workDirectory, $"nn-exec-{Environment.ProcessId}.json");
    }

    public ChildLimits Limits { get; }

    /// <summary>Whether peak memory is measured and the memory cap enforced.</summary>
    public bool MeasuresMemory => _nnExec is not null;

    public async Task<ProcessResult> RunAsync(ProcessStartInfo startInfo, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _environment.ApplyTo(startInfo);
        if (_nnExec is null)
        {
            return await ProcessRunner.RunAsync(startInfo, timeout, _safety.ApplyTo, cancellationToken);
        }

        File.Delete(_reportPath);
        try
        {
            var result = await ProcessRunner.RunAsync(_nnExec.Wrap(startInfo, Limits, _reportPath), timeout, null, cancellationToken);
            return Combine(result, LaunchReport.TryRead(_reportPath), startInfo.FileName);
        }
        finally
        {
            File.Delete(_reportPath);
        }
    }

    /// <summary>The launcher's figures replace the outside ones: they exclude the launcher's own start.</summary>
    public static ProcessResult Combine(ProcessResult outside, LaunchReport? report, string command)
    {
        if (report is null)
        {
            // Killed at the time-out, or the launcher itself failed: nothing more is known.
            return outside;
        }

        if (report.ExecErrno != 0)
        {
            return outside with { ExitCode = null, StderrTail = $"cannot start {command}: errno {report.ExecErrno}" };
        }

        return outside with
        {
            ExitCode = report.Signal != 0 ? null : report.ExitCode,
            StderrTail = report.MemoryCapKilled
                ? "killed: resident memory above the cap"
                : report.Signal != 0 ? $"killed by signal {report.Signal}\n{outside.StderrTail}" : outside.StderrTail,
            WallNs = report.WallNs,
            PeakRssBytes = report.MaxRssBytes,
            CpuNs = report.UserNs + report.SysNs,
            MemoryCapExceeded = report.MemoryCapKilled,
        };
    }
}
