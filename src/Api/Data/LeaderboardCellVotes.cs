namespace NearNative.Api.Data;

/// <summary>
/// The votes behind one leaderboard cell, sorted: one per machine with a quiet submission, and the secondary figure's
/// votes beside them. An accepted submission moves its machine's vote in this list (out with the old, in with the new)
/// and recomputes the cell's median and interval from it, so it reads one row per cell however many machines vote.
/// Kept apart from <see cref="LeaderboardCell"/> so that the leaderboard's reads never carry the votes.
/// </summary>
public sealed class LeaderboardCellVotes : ICellRow
{
    public required string Suite { get; init; }

    public required string Metric { get; init; }

    public required string RuntimeSlug { get; init; }

    public required string RuntimeVersion { get; init; }

    public required string Size { get; init; }

    public required string CpuKey { get; init; }

    /// <summary>Each voting machine's vote (the median of its quiet figures), ascending.</summary>
    public required List<double> Votes { get; init; }

    /// <summary>Each machine's secondary vote, ascending; empty when the metric has no secondary figure.</summary>
    public required List<double> SecondaryVotes { get; init; }
}
