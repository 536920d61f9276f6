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

    public double? ExecutionValue { get; init; }

    public double? ExecutionLower { get; init; }

    public double? ExecutionUpper { get; init; }

    public double? ExecutionConfidence { get; init; }

    public double? StartupRatio { get; init; }

    public double? StartupOverheadMs { get; init; }

    /// <summary>True when every workload has a ratio.</summary>
    public required bool Complete { get; init; }

    public required List<WorkloadResult> Workloads { get; init; }
}
