using System.Runtime.InteropServices;
using NearNative.Domain.Statistics;

namespace NearNative.Api.Data;

/// <summary>
/// One machine's part in one leaderboard cell: every figure its accepted submissions gave for the cell, kept sorted so
/// that its vote (their median) can be updated when it submits again without reading its submissions. Accepting a
/// submission rewrites the submitting machine's rows, moves its vote in each cell's sorted votes
/// (<see cref="LeaderboardCellVotes"/>) and recomputes those cells, so an ingest never reads the stored submissions.
/// Rows are rebuilt from the submissions, with their cells, whenever a submission is quarantined or released.
/// </summary>
public sealed class LeaderboardCellMachine : ICellRow
{
    public required string Suite { get; init; }

    public required string Metric { get; init; }

    public required string RuntimeSlug { get; init; }

    public required string RuntimeVersion { get; init; }

    public required string Size { get; init; }

    public required string CpuKey { get; init; }

    public required string MachineId { get; init; }

    /// <summary>The figures of the machine's quiet submissions, ascending.</summary>
    public required List<double> Values { get; init; }

    /// <summary>The lower ends of those figures' own intervals, ascending; only figures that have an interval count.</summary>
    public required List<double> Lowers { get; init; }

    /// <summary>The upper ends of the same intervals, ascending.</summary>
    public required List<double> Uppers { get; init; }

    /// <summary>Quiet figures without an interval of their own (a point such as instance density).</summary>
    public required int Points { get; init; }

    /// <summary>The lowest confidence of those intervals; null when none has one.</summary>
    public double? IntervalConfidence { get; init; }

    /// <summary>The machine's secondary figures (e.g. the start-up ratio beside the added milliseconds), ascending.</summary>
    public required List<double> Secondaries { get; init; }

    /// <summary>The machine's vote: the median of <see cref="Values"/>; null when it has only noisy submissions here. Derived, not stored.</summary>
    public double? Vote => Values.Count > 0 ? Quantiles.MedianOfSorted(CollectionsMarshal.AsSpan(Values)) : null;

    /// <summary>
    /// The vote with the machine's own interval (medians of the lower and upper ends, the lowest confidence), which a
    /// cell with this one machine shows; null when a quiet figure has no interval, or there is none. Derived, not stored.
    /// </summary>
    public Figure? Own => Values.Count > 0 && Points == 0 && IntervalConfidence is { } confidence
        ? Figure.From(MachineVote.OwnInterval(CollectionsMarshal.AsSpan(Values), CollectionsMarshal.AsSpan(Lowers), CollectionsMarshal.AsSpan(Uppers), confidence))
        : null;

    /// <summary>The median of <see cref="Secondaries"/>; null when there are none. Derived, not stored.</summary>
    public double? SecondaryVote => Secondaries.Count > 0 ? Quantiles.MedianOfSorted(CollectionsMarshal.AsSpan(Secondaries)) : null;

    /// <summary>Noisy submissions of the machine with a figure for the cell: counted, never aggregated.</summary>
    public required int NoisySubmissions { get; init; }
}
