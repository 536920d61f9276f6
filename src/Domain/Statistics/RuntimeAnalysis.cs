using NearNative.Domain.Results;

namespace NearNative.Domain.Statistics;

/// <summary>Everything one run says about one runtime, every ratio runtime over native.</summary>
/// <param name="Execution">Geometric mean of kernel-time ratios over the non-start-up workloads; null unless all have one.</param>
/// <param name="Categories">The same per category.</param>
/// <param name="Process">Geometric mean of whole-process ratios over the non-start-up workloads.</param>
/// <param name="Memory">Geometric mean of peak resident memory ratios over the non-start-up workloads: the empty program measures the runtime's floor (<see cref="ColdStart"/>), not how it uses memory.</param>
/// <param name="Startup">Cold start: whole-process ratio of the empty program.</param>
/// <param name="StartupOverheadMs">Median extra milliseconds the runtime needs to run the empty program (<see cref="ColdStartFigures.AddedMs"/> without its interval).</param>
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
    Estimate? PreinitGain)
{
    /// <summary>Start-up as milliseconds added to native and the memory floor, from the empty program.</summary>
    public ColdStartFigures ColdStart { get; init; } = ColdStartFigures.None;
}
