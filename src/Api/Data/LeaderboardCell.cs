namespace NearNative.Api.Data;

/// <summary>
/// One leaderboard cell, maintained rather than recomputed on read: a runtime version's figure for one metric on
/// one CPU key, from the accepted submissions of one suite and size. It is rewritten, in the same transaction,
/// whenever a submission of its CPU key and runtime is accepted, quarantined or released, from its machines' votes
/// (<see cref="LeaderboardCellVotes"/>, <see cref="LeaderboardCellMachine"/>); the leaderboard and the badges read
/// cells only and combine them over the CPU keys of one architecture (the key's first segment), never over two
/// architectures.
/// </summary>
public sealed class LeaderboardCell : ICellRow
{
    public required string Suite { get; init; }

    /// <summary>The leaderboard metric's id, e.g. <c>execution</c> or <c>category:compute</c>.</summary>
    public required string Metric { get; init; }

    public required string RuntimeSlug { get; init; }

    public required string RuntimeVersion { get; init; }

    public required string Size { get; init; }

    public required string CpuKey { get; init; }

    /// <summary>The runtime's name as the newest counted submission reported it (the newest noisy one when none counts).</summary>
    public required string RuntimeName { get; init; }

    public required string Configuration { get; init; }

    /// <summary>The CPU brand the same submission reported: untrusted text, kept so a badge can name the CPU without reading submissions.</summary>
    public required string CpuBrand { get; init; }

    /// <summary>When the submission that <see cref="RuntimeName"/> comes from arrived.</summary>
    public required DateTimeOffset Newest { get; init; }

    /// <summary>Median over machines with its interval; null when every submission with the figure was noisy.</summary>
    public Figure? Figure { get; init; }

    /// <summary>Machines with a quiet submission.</summary>
    public required int Machines { get; init; }

    /// <summary>Quiet submissions counted.</summary>
    public required int Submissions { get; init; }

    /// <summary>Fewer than three machines.</summary>
    public required bool Provisional { get; init; }

    /// <summary>The median over machines of the metric's secondary figure (e.g. the start-up ratio beside the added milliseconds); null when it has none.</summary>
    public double? Secondary { get; init; }

    /// <summary>Noisy submissions with the figure: shown, never counted.</summary>
    public required int NoisySubmissions { get; init; }

    public required int NoisyMachines { get; init; }
}
