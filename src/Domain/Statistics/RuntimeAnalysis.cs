using NearNative.Domain.Results;

namespace NearNative.Domain.Statistics;

/// <summary>Everything one run says about one runtime, every ratio runtime over native.</summary>
/// <param name="Execution">Geometric mean of kernel-time ratios over the non-start-up workloads; null unless all have one.</param>
/// <param name="Categories">The same per category.</param>
/// <param name="Process">Geometric mean of whole-process ratios over the non-start-up workloads.</param>
/// <param name="Memory">Geometric mean of peak resident memory ratios over all workloads.</param>
/// <param name="Startup">Cold start: whole-process ratio of the empty program.</param>
/// <param name="StartupOverheadMs">Median extra milliseconds the runtime needs to run the empty program.</param>
/// <param name="PreinitGain">Whole-process time of the heavy-initialisation module over its Wizer pre-initialised twin.</param>
public sealed record RuntimeAnalysis(
    RuntimeInfo Runtime,
    IReadOnlyList<WorkloadAnalysis> Workloads,
    Estimate? Execution,
    IReadOnlyDictionary<string, Estimate?> Categories,
    Estimate? Process,
    Estimate? Memory,
    Estimate? Startup,
    double? StartupOverheadMs,
    Estimate? PreinitGain);
