using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Domain.Statistics;

/// <summary>
/// Turns the raw samples of one result document into runtime-to-native ratios. The agent uses it to
/// print its report; the server uses the same code to recompute every figure and never trusts the agent's.
/// </summary>
public static class RunAnalysis
{
    /// <summary>Fewer paired rounds than this give no ratio.</summary>
    public const int MinimumPairs = 3;

    public static IReadOnlyList<RuntimeAnalysis> Analyze(ResultDocument document, IReadOnlyList<WorkloadSpec> workloads)
    {
        var measured = document.Samples.Where(s => s.Stage == SampleStage.Measured).ToList();
        var nativeByWorkload = workloads.ToDictionary(
            w => w.Id,
            w => ValidByRound(measured, w, RuntimeInfo.NativeId));

        return
        [
            .. document.Runtimes
                .Where(r => !r.IsNative)
                .Select(r => AnalyzeRuntime(r, measured, workloads, nativeByWorkload)),
        ];
    }

    private static RuntimeAnalysis AnalyzeRuntime(
        RuntimeInfo runtime,
        List<Sample> measured,
        IReadOnlyList<WorkloadSpec> workloads,
        Dictionary<string, Dictionary<int, Sample>> nativeByWorkload)
    {
        var results = workloads
            .Select(w => AnalyzeWorkload(runtime.Id, w, measured, nativeByWorkload[w.Id]))
            .ToList();

        var execution = results.Where(r => !r.Workload.IsStartup).ToList();
        var startup = results.Where(r => r.Workload.IsColdStart).ToList();
        return new RuntimeAnalysis(
            runtime,
            results,
            Combine(execution),
            execution.GroupBy(r => r.Workload.Category).ToDictionary(g => g.Key, g => Combine([.. g])),
            Combine(startup),
            startup.Count == 1 ? startup[0].OverheadMs : null);
    }

    /// <summary>Geometric mean over workloads, only when every one of them has a ratio: a wrong answer is never averaged away.</summary>
    private static Estimate? Combine(List<WorkloadAnalysis> results)
    {
        if (results.Count == 0 || results.Any(r => r.Status != WorkloadStatus.Ok))
        {
            return null;
        }

        return results.Count == 1
            ? results[0].Ratio
            : Bootstrap.GeometricMeanOfMedians([.. results.Select(r => r.Ratios)]);
    }

    private static WorkloadAnalysis AnalyzeWorkload(
        string runtimeId,
        WorkloadSpec workload,
        List<Sample> measured,
        Dictionary<int, Sample> native)
    {
        var samples = measured.Where(s => s.Workload == workload.Id && s.Runtime == runtimeId).ToList();
        var wrongOutput = samples.Count(s => s.Outcome == SampleOutcome.ChecksumMismatch
            || (s.Outcome == SampleOutcome.Ok && s.Checksum != workload.ExpectedChecksum));
        var failed = samples.Count(s => s.Outcome is SampleOutcome.Failed or SampleOutcome.TimedOut);

        var ratios = new List<double>();
        var overheadsMs = new List<double>();
        foreach (var sample in samples.Where(s => IsValid(s, workload)))
        {
            if (!native.TryGetValue(sample.Round, out var baseline))
            {
                continue;
            }

            // Start-up workloads have no kernel to speak of: their figure is the whole process.
            var (runtimeNs, nativeNs) = workload.IsStartup
                ? (sample.WallNs, baseline.WallNs)
                : (sample.KernelNs!.Value, baseline.KernelNs!.Value);
            if (runtimeNs > 0 && nativeNs > 0)
            {
                ratios.Add((double)runtimeNs / nativeNs);
                overheadsMs.Add((sample.WallNs - baseline.WallNs) / 1e6);
            }
        }

        var status = wrongOutput > 0 ? WorkloadStatus.WrongOutput
            : failed > 0 ? WorkloadStatus.Failed
            : ratios.Count < MinimumPairs ? WorkloadStatus.InsufficientData
            : WorkloadStatus.Ok;

        return new WorkloadAnalysis(
            workload,
            status,
            ratios,
            status == WorkloadStatus.Ok ? MedianInterval.Compute(ratios.ToArray()) : null,
            status == WorkloadStatus.Ok ? Quantiles.Median(overheadsMs.ToArray()) : null,
            wrongOutput,
            failed);
    }

    private static Dictionary<int, Sample> ValidByRound(List<Sample> measured, WorkloadSpec workload, string runtimeId) =>
        measured
            .Where(s => s.Workload == workload.Id && s.Runtime == runtimeId && IsValid(s, workload))
            .GroupBy(s => s.Round)
            .ToDictionary(g => g.Key, g => g.First());

    private static bool IsValid(Sample sample, WorkloadSpec workload) =>
        sample.Outcome == SampleOutcome.Ok
        && sample.Checksum == workload.ExpectedChecksum
        && sample.WallNs > 0
        && (workload.IsStartup || sample.KernelNs > 0);
}

/// <param name="Execution">Geometric mean of kernel-time ratios over the non-start-up workloads; null unless all have a ratio.</param>
/// <param name="Startup">Cold start: whole-process ratio of the empty program.</param>
/// <param name="StartupOverheadMs">Median extra milliseconds the runtime needs to run the empty program.</param>
public sealed record RuntimeAnalysis(
    RuntimeInfo Runtime,
    IReadOnlyList<WorkloadAnalysis> Workloads,
    Estimate? Execution,
    IReadOnlyDictionary<string, Estimate?> Categories,
    Estimate? Startup,
    double? StartupOverheadMs);

/// <param name="Ratios">Paired per-round ratios, runtime over native.</param>
/// <param name="Ratio">Median ratio with its 95% interval; null unless <see cref="Status"/> is <see cref="WorkloadStatus.Ok"/>.</param>
public sealed record WorkloadAnalysis(
    WorkloadSpec Workload,
    WorkloadStatus Status,
    IReadOnlyList<double> Ratios,
    Estimate? Ratio,
    double? OverheadMs,
    int WrongOutputs,
    int Failures);

public enum WorkloadStatus
{
    Ok,
    WrongOutput,
    Failed,
    InsufficientData,
}
