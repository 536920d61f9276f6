namespace NearNative.Api.Data;

/// <summary>What the server recomputed for one runtime of one submission.</summary>
public sealed class RuntimeResult
{
    public required string SubmissionId { get; init; }

    /// <summary>The runtime's id in the document, which is also its leaderboard slug.</summary>
    public required string Slug { get; init; }

    /// <summary>Order in the document, so responses list runtimes as the agent did.</summary>
    public required int Position { get; init; }

    public required string Name { get; init; }

    public required string Version { get; init; }

    public required string Configuration { get; init; }

    /// <summary>The declared settings as a JSON object of strings.</summary>
    public required string Settings { get; init; }

    /// <summary>Geometric mean of kernel-time ratios over the workloads that are neither start-up nor opt-in.</summary>
    public Figure? Execution { get; init; }

    /// <summary>Geometric mean of whole-process time ratios over the workloads that are neither start-up nor opt-in.</summary>
    public Figure? Process { get; init; }

    /// <summary>
    /// Geometric mean of peak resident memory ratios over the workloads that are neither start-up nor opt-in. Rows stored before start-up
    /// was left out of it averaged every workload but the pre-initialised twins.
    /// </summary>
    public Figure? Memory { get; init; }

    /// <summary>Whole-process time ratio of the empty program: the cold start.</summary>
    public Figure? StartupRatio { get; init; }

    /// <summary>Milliseconds the runtime adds to native's empty process: median paired difference, with its interval.</summary>
    public Figure? StartupAddedMs { get; init; }

    /// <summary>The runtime's memory floor: median peak resident MB (10⁶ bytes) of its empty-program processes.</summary>
    public Figure? MemoryFloorMb { get; init; }

    /// <summary>Native's floor in the same run, shown beside the runtime's.</summary>
    public double? NativeMemoryFloorMb { get; init; }

    /// <summary>Plain over pre-initialised whole-process time of the heavy-initialisation workload; higher is better.</summary>
    public Figure? PreinitGain { get; init; }

    /// <summary>Instance start in a running host: median microseconds per instance of the empty module, with its sign-test interval.</summary>
    public Figure? InstanceStartUs { get; init; }

    /// <summary>The 99th percentile of the same starts, in microseconds.</summary>
    public double? InstanceStartP99Us { get; init; }

    /// <summary>How many measured starts the instance-start figures come from.</summary>
    public int? InstanceStarts { get; init; }

    /// <summary>Resident KB (10³ bytes) each live instance keeps in the host: one number per run, so no interval.</summary>
    public double? InstanceDensityKb { get; init; }

    /// <summary>True when every workload has a ratio.</summary>
    public required bool Complete { get; init; }

    public required List<WorkloadResult> Workloads { get; init; }

    /// <summary>Execution per workload category; none for submissions stored before categories were.</summary>
    public List<CategoryResult> Categories { get; init; } = [];
}
