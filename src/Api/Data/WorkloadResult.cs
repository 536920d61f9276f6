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

    /// <summary>Kernel-time ratio to native: median of the paired ratios.</summary>
    public Figure? Ratio { get; init; }

    /// <summary>Whole-process time ratio to native.</summary>
    public Figure? Process { get; init; }

    /// <summary>Peak resident memory ratio to native.</summary>
    public Figure? Memory { get; init; }

    public required int WrongOutputs { get; init; }

    public required int Failures { get; init; }

    /// <summary>Kernel ratios outside Tukey's fences; null for submissions stored before it was counted.</summary>
    public int? Outliers { get; init; }

    /// <summary>Whether the kernel ratios form more than one mode; null when too few to tell or not recorded.</summary>
    public bool? Multimodal { get; init; }
}
