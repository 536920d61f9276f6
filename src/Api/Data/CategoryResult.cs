namespace NearNative.Api.Data;

/// <summary>
/// Execution (kernel-time) ratio of one runtime over the workloads of one category. A table rather than a JSON
/// column so the leaderboard can filter and aggregate a category in SQL on every provider.
/// </summary>
public sealed class CategoryResult
{
    public required string SubmissionId { get; init; }

    public required string RuntimeSlug { get; init; }

    public required string Category { get; init; }

    /// <summary>Order of the category's first workload in the suite manifest.</summary>
    public required int Position { get; init; }

    /// <summary>Geometric mean of the category's kernel-time ratios; null unless every workload of the category has a ratio.</summary>
    public Figure? Execution { get; init; }
}
