using NearNative.Domain.Suite;

namespace NearNative.Domain.Statistics;

/// <summary>One workload under one runtime. The figures are null unless <see cref="Status"/> is <see cref="WorkloadStatus.Ok"/>.</summary>
/// <param name="Kernel">Paired kernel-time ratios (whole-process for start-up workloads) and their median with its interval.</param>
/// <param name="Process">Paired whole-process ratios.</param>
/// <param name="Memory">Paired peak resident memory ratios, when both sides reported them.</param>
/// <param name="AddedMs">Paired differences runtime − native in whole-process time, in milliseconds (start-up figures read them).</param>
/// <param name="WrongOutputs">Samples of any stage, warm-up included, whose answer was not the expected one.</param>
/// <param name="Failures">Measured samples that crashed or timed out.</param>
/// <param name="Outliers">Kernel ratios outside Tukey's fences: counted and shown, never dropped.</param>
/// <param name="Multimodal">Whether the ratios form more than one mode; null when there are too few to tell.</param>
public sealed record WorkloadAnalysis(
    WorkloadSpec Workload,
    WorkloadStatus Status,
    RatioSeries? Kernel,
    RatioSeries? Process,
    RatioSeries? Memory,
    IReadOnlyList<double>? AddedMs,
    int WrongOutputs,
    int Failures,
    int Outliers,
    bool? Multimodal)
{
    public IReadOnlyList<double> Ratios => Kernel?.Ratios ?? [];

    public Estimate? Ratio => Kernel?.Estimate;
}

/// <summary>Paired per-round ratios and their median with its interval.</summary>
public sealed record RatioSeries(IReadOnlyList<double> Ratios, Estimate Estimate);

public enum WorkloadStatus
{
    Ok,
    WrongOutput,
    Failed,
    InsufficientData,
    NotRun,
}
