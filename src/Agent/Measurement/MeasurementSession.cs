using System.Diagnostics;
using NearNative.Agent.Files;
using NearNative.Agent.Machine;
using NearNative.Agent.Runtimes;
using NearNative.Domain.Results;
using NearNative.Domain.Statistics;

namespace NearNative.Agent.Measurement;

/// <summary>
/// Runs the rounds, each sample one fresh process timed from outside, in a seeded shuffled order per round
/// (<see cref="RoundSchedule"/>: units shuffled, each unit's processes back to back).
/// First the cold-start rounds (the empty program, at least 20), then the minimum rounds of every other
/// workload, then extra rounds for the workloads whose interval is still wider than the target, while the
/// maximum and the time budget allow. A unit the write cap limits (<see cref="WritePlan"/>) stops at its own
/// most rounds. Round 0 of each phase is a warm-up, kept and labelled.
/// </summary>
public sealed class MeasurementSession
{
    public const int WarmupRound = 0;

    private readonly MeasurementPlan _plan;
    private readonly MeasuredLauncher _launcher;
    private readonly NoiseMonitor _noise;
    private readonly Action<MeasurementProgress> _report;
    private readonly Dictionary<string, IRuntime> _runtimes;
    private readonly SplitMix64 _random;
    private readonly RoundBudget _budget;
    private readonly Stopwatch _clock = new();
    private readonly List<Sample> _samples = [];
    private readonly Dictionary<(string, string), string> _failures = [];
    private readonly Dictionary<string, int> _measuredRounds = [];
    private int _planned;

    private MeasurementSession(MeasurementPlan plan, MeasuredLauncher launcher, NoiseMonitor noise, Action<MeasurementProgress> report)
    {
        _plan = plan;
        _launcher = launcher;
        _noise = noise;
        _report = report;
        _runtimes = plan.Runtimes.ToDictionary(r => r.Id);
        _random = new SplitMix64(unchecked((ulong)plan.Seed));
        _budget = new RoundBudget(plan.Budget);
        _planned = plan.MinimumProcesses;
    }

    public static Task<MeasurementResult> RunAsync(
        MeasurementPlan plan,
        MeasuredLauncher launcher,
        NoiseMonitor noise,
        Action<MeasurementProgress> report,
        CancellationToken cancellationToken) =>
        new MeasurementSession(plan, launcher, noise, report).RunAsync(cancellationToken);

    private async Task<MeasurementResult> RunAsync(CancellationToken cancellationToken)
    {
        _clock.Start();
        var coldStart = await RunFixedAsync(RoundNoise.ColdStartPhase, _plan.ColdStart, _plan.Rounds.ColdStart, cancellationToken);
        var minimum = await RunFixedAsync(RoundNoise.WorkloadsPhase, _plan.Workloads, _plan.Rounds.Minimum, cancellationToken);
        var stoppedBy = coldStart.BudgetEnded || minimum.BudgetEnded
            ? RunInfo.StoppedBudget
            : await RunExtraAsync(minimum.Rounds + 1, cancellationToken);

        _report(new MeasurementProgress(RoundNoise.WorkloadsPhase, 0, 0, SampleStage.Measured, "", "", _samples.Count, _samples.Count));
        return new MeasurementResult(_samples, [.. _failures.Values], coldStart.Rounds, _measuredRounds, stoppedBy, _clock.Elapsed);
    }

    /// <returns>Measured rounds completed, and whether the budget stopped the phase early.</returns>
    private async Task<(int Rounds, bool BudgetEnded)> RunFixedAsync(string phase, IReadOnlyList<WorkloadUnit> units, int rounds, CancellationToken cancellationToken)
    {
        if (units.Count == 0)
        {
            return (0, false);
        }

        for (var round = WarmupRound; round <= rounds; round++)
        {
            var taking = units.Where(u => u.RunsIn(round)).ToList();
            if (taking.Count == 0)
            {
                // Every unit is at the round limit of the write cap.
                return (Math.Max(0, round - 1), false);
            }

            if (!_budget.Allows(_clock.Elapsed, taking.Select(u => u.Id)))
            {
                _planned -= Enumerable.Range(round, rounds - round + 1).Sum(r => units.Where(u => u.RunsIn(r)).Sum(u => u.Runs.Count));
                return (Math.Max(0, round - 1), true);
            }

            await RunRoundAsync(phase, round, rounds, taking, cancellationToken);
        }

        return (rounds, false);
    }

    /// <returns>Why the extra rounds ended.</returns>
    private async Task<string> RunExtraAsync(int firstRound, CancellationToken cancellationToken)
    {
        for (var round = firstRound; round <= _plan.Rounds.Maximum; round++)
        {
            var unsettled = AdaptiveRounds.Unsettled(_plan.Workloads, _samples, _plan.Rounds.TargetHalfWidth);
            if (unsettled.Count == 0)
            {
                return RunInfo.StoppedSettled;
            }

            var allowed = unsettled.Where(u => u.RunsIn(round)).ToList();
            if (allowed.Count == 0)
            {
                // Those still unsettled have had every round the write cap allows them.
                return RunInfo.StoppedMaxRounds;
            }

            if (!_budget.Allows(_clock.Elapsed, allowed.Select(u => u.Id)))
            {
                return RunInfo.StoppedBudget;
            }

            _planned += allowed.Sum(u => u.Runs.Count);
            await RunRoundAsync(RoundNoise.WorkloadsPhase, round, _plan.Rounds.Maximum, allowed, cancellationToken);
        }

        return AdaptiveRounds.Unsettled(_plan.Workloads, _samples, _plan.Rounds.TargetHalfWidth).Count == 0
            ? RunInfo.StoppedSettled
            : RunInfo.StoppedMaxRounds;
    }

    private async Task RunRoundAsync(string phase, int round, int rounds, IReadOnlyList<WorkloadUnit> units, CancellationToken cancellationToken)
    {
        var stage = round == WarmupRound ? SampleStage.Warmup : SampleStage.Measured;
        var order = RoundSchedule.Order(units, _random);
        var spent = units.ToDictionary(u => u.Id, _ => TimeSpan.Zero);
        var before = NoiseReading.Take();
        foreach (var (unit, run) in order)
        {
            _report(new MeasurementProgress(phase, round, rounds, stage, run.Workload, run.Runtime, _samples.Count, _planned));
            var started = Stopwatch.GetTimestamp();
            await RunOneAsync(unit, run, round, stage, cancellationToken);
            spent[unit.Id] += Stopwatch.GetElapsedTime(started);
        }

        _noise.RecordRound(phase, round, before);
        foreach (var (unit, duration) in spent)
        {
            _budget.Record(unit, duration);
            if (stage == SampleStage.Measured)
            {
                _measuredRounds[unit] = _measuredRounds.GetValueOrDefault(unit) + 1;
            }
        }
    }

    private async Task RunOneAsync(WorkloadUnit unit, MeasuredRun run, int round, SampleStage stage, CancellationToken cancellationToken)
    {
        var runtime = _runtimes[run.Runtime];
        using var scratch = unit.Scratch ? ScratchDirectory.Create(_plan.ScratchRoot) : null;
        var startInfo = runtime.CreateStartInfo(new WorkloadInvocation(
            run.ArtifactPath,
            unit.Arguments,
            scratch?.Path ?? _plan.WorkingDirectory,
            Preopen: scratch is not null));

        var result = await _launcher.RunAsync(startInfo, _plan.ProcessTimeout, cancellationToken);
        var sample = unit.UserProgram
            ? SampleClassifier.ClassifyUserProgram(result, round, stage, run.Workload, run.Runtime, unit.ExpectedChecksum)
            : SampleClassifier.Classify(result, round, stage, run.Workload, run.Runtime, unit.Size, unit.ExpectedChecksum, run.BaselineWorkload);
        _samples.Add(sample);
        if (sample.Outcome != SampleOutcome.Ok)
        {
            _failures.TryAdd((run.Workload, run.Runtime), Describe(run, sample, result));
        }
    }

    private static string Describe(MeasuredRun run, Sample sample, ProcessResult result)
    {
        var reason = sample.Outcome switch
        {
            SampleOutcome.TimedOut => "timed out",
            SampleOutcome.ChecksumMismatch => $"wrong output (checksum {sample.Checksum})",
            _ when result.MemoryCapExceeded => "killed: resident memory above the cap",
            _ when result.ExitCode is null => FirstLine(result.StderrTail),
            _ when result.ExitCode != 0 => $"exit code {result.ExitCode}: {FirstLine(result.StderrTail)}",
            _ => "unreadable output line",
        };
        return $"{run.Runtime} {run.Workload}: {reason}";
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
}
