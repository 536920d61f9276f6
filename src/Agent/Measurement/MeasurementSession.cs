using NearNative.Agent.Files;
using NearNative.Agent.Machine;
using NearNative.Agent.Runtimes;
using NearNative.Domain.Results;

namespace NearNative.Agent.Measurement;

/// <summary>
/// Runs the rounds: every workload under every runtime once per round, in the seeded shuffled order, each
/// sample one fresh process timed from outside.
/// </summary>
public static class MeasurementSession
{
    public const int WarmupRound = 0;

    public static int TotalProcesses(MeasurementPlan plan) =>
        (plan.Rounds + 1) * plan.Suite.Manifest.Workloads.Count * plan.Runtimes.Count;

    public static async Task<MeasurementResult> RunAsync(
        MeasurementPlan plan,
        ProductionSafety safety,
        Action<MeasurementProgress> report,
        CancellationToken cancellationToken)
    {
        var manifest = plan.Suite.Manifest;
        var runtimes = plan.Runtimes.ToDictionary(r => r.Id);
        var workloads = manifest.Workloads.ToDictionary(w => w.Id);
        var schedule = RoundSchedule.Create([.. workloads.Keys], [.. runtimes.Keys], plan.Rounds + 1, plan.Seed);
        var total = TotalProcesses(plan);

        var samples = new List<Sample>(total);
        var failures = new Dictionary<(string, string), string>();
        for (var round = 0; round < schedule.Count; round++)
        {
            var stage = round == WarmupRound ? SampleStage.Warmup : SampleStage.Measured;
            foreach (var run in schedule[round])
            {
                report(new MeasurementProgress(round, plan.Rounds, stage, run.Workload, run.Runtime, samples.Count, total));
                var workload = workloads[run.Workload];
                var runtime = runtimes[run.Runtime];
                using var scratch = workload.Scratch ? ScratchDirectory.Create(plan.ScratchRoot) : null;
                var startInfo = runtime.CreateStartInfo(new WorkloadInvocation(
                    plan.Suite.ArtifactPath(workload, runtime.ArtifactKind),
                    workload.Sizes[plan.Size],
                    scratch?.Path ?? plan.Suite.Directory,
                    Preopen: scratch is not null));

                var result = await ProcessRunner.RunAsync(startInfo, plan.ProcessTimeout, safety.ApplyTo, cancellationToken);
                var sample = SampleClassifier.Classify(result, round, stage, run.Workload, run.Runtime, plan.Size, workload.Checksums[plan.Size]);
                samples.Add(sample);
                if (sample.Outcome != SampleOutcome.Ok)
                {
                    failures.TryAdd((run.Workload, run.Runtime), Describe(run, sample, result));
                }
            }
        }

        report(new MeasurementProgress(plan.Rounds, plan.Rounds, SampleStage.Measured, "", "", samples.Count, total));
        return new MeasurementResult(samples, [.. failures.Values]);
    }

    private static string Describe(ScheduledRun run, Sample sample, ProcessResult result)
    {
        var reason = sample.Outcome switch
        {
            SampleOutcome.TimedOut => "timed out",
            SampleOutcome.ChecksumMismatch => $"wrong output (checksum {sample.Checksum})",
            _ when result.ExitCode is null => FirstLine(result.StderrTail),
            _ when result.ExitCode != 0 => $"exit code {result.ExitCode}: {FirstLine(result.StderrTail)}",
            _ => "unreadable output line",
        };
        return $"{run.Runtime} {run.Workload}: {reason}";
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
}
