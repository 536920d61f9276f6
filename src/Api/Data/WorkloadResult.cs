namespace NearNative.Api.Data;

/// <summary>One workload's recomputed ratio for one runtime of one submission.</summary>
public sealed class WorkloadResult
{
    public required string SubmissionId { get; init; }

    public required string RuntimeSlug { get; init; }

    public required string Workload { get; init; }

    /// <summary>Order in the suite manifest.</summary>
    public required int Position { get; init; }

    public required string Category { get; init; }

    /// <summary><c>ok</c>, <c>wrong-output</c>, <c>failed</c> or <c>insufficient-data</c>.</summary>
    public required string Status { get; init; }

    public required int Pairs { get; init; }

    public double? Median { get; init; }

    public double? Lower { get; init; }

    public double? Upper { get; init; }

    public double? Confidence { get; init; }

    public double? ProcessMedian { get; init; }

    public double? ProcessLower { get; init; }

    public double? ProcessUpper { get; init; }

    public double? ProcessConfidence { get; init; }

    public double? MemoryMedian { get; init; }

    public double? MemoryLower { get; init; }

    public double? MemoryUpper { get; init; }

    public double? MemoryConfidence { get; init; }

    public required int WrongOutputs { get; init; }

    public required int Failures { get; init; }

    /// <summary>Kernel ratios outside Tukey's fences; null for submissions stored before it was counted.</summary>
    public int? Outliers { get; init; }

    /// <summary>Whether the kernel ratios form more than one mode; null when too few to tell or not recorded.</summary>
    public bool? Multimodal { get; init; }
}
