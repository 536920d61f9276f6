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
        var native = workloads
            .Where(w => !w.IsPreinitTwin)
            .ToDictionary(w => w.Id, w => ValidByRound(measured, w, RuntimeInfo.NativeId));

        return
        [
            .. document.Runtimes
                .Where(r => !r.IsNative)
                .Select(r => AnalyzeRuntime(r, document.Samples, measured, workloads, native)),
        ];
    }

    private static RuntimeAnalysis AnalyzeRuntime(
        RuntimeInfo runtime,
        IReadOnlyList<Sample> all,
        List<Sample> measured,
        IReadOnlyList<WorkloadSpec> workloads,
        Dictionary<string, Dictionary<int, Sample>> native)
    {
        var results = workloads
            .Select(w => AnalyzeWorkload(runtime.Id, w, all, measured, native[w.BaselineId]))
            .ToList();

        var execution = results.Where(r => r.Workload is { IsStartup: false, OptIn: false }).ToList();
        var coldStart = results.Where(r => r.Workload.IsColdStart).ToList();
        var coldStartFigures = ColdStartFigures.Of(runtime.Id, measured, coldStart.Count == 1 ? coldStart[0] : null);
        return new RuntimeAnalysis(
            runtime,
            results,
            Combine(execution, r => r.Kernel),
            execution.GroupBy(r => r.Workload.Category).ToDictionary(g => g.Key, g => Combine([.. g], r => r.Kernel)),
            Combine(execution, r => r.Process),
            Combine(execution, r => r.Memory),
            Combine(coldStart, r => r.Kernel),
            coldStartFigures.AddedMs?.Value,
            PreinitGain(runtime.Id, workloads, measured))
        {
            ColdStart = coldStartFigures,
        };
    }

    /// <summary>Geometric mean over workloads, only when every one of them has the figure: a wrong answer is never averaged away.</summary>
    private static Estimate? Combine(List<WorkloadAnalysis> results, Func<WorkloadAnalysis, RatioSeries?> figure)
    {
        if (results.Count == 0 || results.Any(r => r.Status != WorkloadStatus.Ok || figure(r) is null))
        {
            return null;
        }

        return results.Count == 1
            ? figure(results[0])!.Estimate
            : GeometricMean.OfMedians([.. results.Select(r => figure(r)!.Ratios)]);
    }

    private static WorkloadAnalysis AnalyzeWorkload(
        string runtimeId,
        WorkloadSpec workload,
        IReadOnlyList<Sample> all,
        List<Sample> measured,
        Dictionary<int, Sample> native)
    {
        var samples = measured.Where(s => s.Workload == workload.Id && s.Runtime == runtimeId).ToList();
        var wrongOutput = all.Count(s => s.Workload == workload.Id && s.Runtime == runtimeId
            && RoundPairing.IsWrongOutput(s, workload.ExpectedChecksum));
        var failed = samples.Count(s => s.Outcome is SampleOutcome.Failed or SampleOutcome.TimedOut);

        var kernel = new List<double>();
        var process = new List<double>();
        var memory = new List<double>();
        var overheadsMs = new List<double>();
        foreach (var (sample, baseline) in RoundPairing.Pair(samples, native, workload.ExpectedChecksum, workload.IsStartup))
        {
            // Start-up workloads have no kernel to speak of: their figure is the whole process.
            kernel.Add(RoundPairing.Ratio(sample, baseline, wholeProcess: workload.IsStartup));
            process.Add(RoundPairing.Ratio(sample, baseline, wholeProcess: true));
            overheadsMs.Add((sample.WallNs - baseline.WallNs) / 1e6);
            if (sample.PeakRssBytes is > 0 && baseline.PeakRssBytes is > 0)
            {
                memory.Add((double)sample.PeakRssBytes.Value / baseline.PeakRssBytes.Value);
            }
        }

        var status = wrongOutput > 0 ? WorkloadStatus.WrongOutput
            : samples.Count == 0 ? WorkloadStatus.NotRun
            : failed > 0 ? WorkloadStatus.Failed
            : kernel.Count < MinimumPairs ? WorkloadStatus.InsufficientData
            : WorkloadStatus.Ok;
        var ok = status == WorkloadStatus.Ok;

        return new WorkloadAnalysis(
            workload,
            status,
            ok ? Series(kernel) : null,
            ok ? Series(process) : null,
            ok && memory.Count >= MinimumPairs ? Series(memory) : null,
            ok ? overheadsMs : null,
            wrongOutput,
            failed,
            ok ? SampleShape.CountOutliers(kernel) : 0,
            ok ? SampleShape.IsMultimodal(kernel) : null);
    }

    /// <summary>How much faster a runtime starts the pre-initialised twin than the plain module: paired per round, plain over twin.</summary>
    private static Estimate? PreinitGain(string runtimeId, IReadOnlyList<WorkloadSpec> workloads, List<Sample> measured)
    {
        var twin = workloads.FirstOrDefault(w => w.IsPreinitTwin);
        if (twin is null)
        {
            return null;
        }

        var plain = ValidByRound(measured, workloads.First(w => w.Id == twin.BaselineId), runtimeId);
        var gains = ValidByRound(measured, twin, runtimeId)
            .Where(p => plain.ContainsKey(p.Key))
            .Select(p => (double)plain[p.Key].WallNs / p.Value.WallNs)
            .ToArray();
        return gains.Length >= MinimumPairs ? MedianInterval.Compute(gains) : null;
    }

    private static RatioSeries Series(List<double> ratios) => new(ratios, MedianInterval.Compute(ratios.ToArray()));

    private static Dictionary<int, Sample> ValidByRound(List<Sample> measured, WorkloadSpec workload, string runtimeId) =>
        RoundPairing.ValidByRound(
            measured.Where(s => s.Workload == workload.Id && s.Runtime == runtimeId), workload.ExpectedChecksum, workload.IsStartup);
}
