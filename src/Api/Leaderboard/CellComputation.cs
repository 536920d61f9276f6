using NearNative.Api.Data;
using NearNative.Domain.Results;
using NearNative.Domain.Statistics;

namespace NearNative.Api.Leaderboard;

/// <summary>
/// A group's cells as the leaderboard defines them: noisy submissions are counted but not aggregated, each machine
/// votes once (the median of its quiet submissions), the cell is the median over machines. A cell is computed from its
/// machines' rows (<see cref="LeaderboardCellMachine"/>) only, so the full recompute from stored submissions and the
/// update by one new submission go through the same arithmetic and give the same cells. Pure, so maintenance and the
/// outlier screen share it.
/// </summary>
public static class CellComputation
{
    /// <summary>The pseudo-runtime whose cells hold native's process starts, shown beside instance start.</summary>
    public const string NativeSlug = RuntimeInfo.NativeId;

    public const string NativeStartPrefix = "native-start:";

    /// <summary>
    /// Every metric a stored runtime result can have a figure for, each maintained in its own cells: the fixed ones,
    /// one per category it has, and the per-workload figures of each workload it has.
    /// </summary>
    public static IReadOnlyList<LeaderboardMetric> MetricsOf(IReadOnlyCollection<RuntimeResult> runtimes) =>
    [
        .. ScreenedMetricsOf(runtimes),
        .. runtimes.SelectMany(r => r.Workloads).Select(w => w.Workload).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .SelectMany(LeaderboardMetric.ForWorkload),
    ];

    /// <summary>
    /// The metrics the outlier screen judges a submission by: the fixed ones and one per category. A single workload's
    /// figure is already part of those; screening each of them as well would multiply the chances of a false alarm.
    /// </summary>
    public static IReadOnlyList<LeaderboardMetric> ScreenedMetricsOf(IEnumerable<RuntimeResult> runtimes) =>
    [
        .. LeaderboardMetric.Fixed,
        .. runtimes.SelectMany(r => r.Categories).Select(c => c.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(LeaderboardMetric.ForCategory),
    ];

    /// <summary>Every figure the inputs give for a cell of <paramref name="slugs"/> (every version and metric) or of native's starts.</summary>
    public static IReadOnlyList<Reading> Readings(IReadOnlyList<CellInput> inputs, IReadOnlyCollection<string> slugs)
    {
        var rows = inputs
            .SelectMany(i => i.Runtimes.Where(r => slugs.Contains(r.Slug)).Select(r => (Input: i, Runtime: r)))
            .ToList();
        var metrics = MetricsOf([.. rows.Select(r => r.Runtime)]);
        var runtimeReadings =
            from row in rows
            from metric in metrics
            let figure = metric.Read(row.Runtime)
            where figure is not null
            select new Reading(
                new CellKey(metric.Id, row.Runtime.Slug, row.Runtime.Version), metric.Scale, row.Input.MachineId, row.Input.Noisy,
                row.Input.ReceivedAt, row.Runtime.Name, row.Runtime.Configuration, row.Input.CpuBrand, figure, metric.Secondary?.Read(row.Runtime));
        var nativeStarts =
            from input in inputs
            from method in InstanceStart.NativeMethods
            let us = method switch
            {
                InstanceStart.ForkExec => input.NativeForkExecUs,
                InstanceStart.PosixSpawn => input.NativePosixSpawnUs,
                _ => input.NativeNamespacedUs,
            }
            where us is not null
            select new Reading(
                new CellKey(NativeStartPrefix + method, NativeSlug, ""), FigureScale.Amount, input.MachineId, input.Noisy,
                input.ReceivedAt, NativeSlug, RuntimeInfo.DefaultConfiguration, input.CpuBrand, Figure.Point(us)!, Secondary: null);
        return [.. runtimeReadings, .. nativeStarts];
    }

    /// <summary>The cells, their votes and machine rows of a group from every reading of its accepted submissions.</summary>
    public static CellRows Compute(CellGroup group, IReadOnlyList<Reading> readings)
    {
        var rows = new CellRows();
        foreach (var cell in readings.GroupBy(r => r.Key))
        {
            var machines = cell.GroupBy(r => r.MachineId, StringComparer.Ordinal).Select(m => Machine(group, cell.Key, m.Key, null, [.. m])).ToList();
            var voting = machines.Where(m => m.Vote is not null).ToList();
            var votes = Votes(
                group,
                cell.Key,
                Sorted(null, voting.Select(m => m.Vote!.Value)),
                Sorted(null, machines.Where(m => m.SecondaryVote is not null).Select(m => m.SecondaryVote!.Value)));
            var quiet = cell.Where(r => !r.Noisy).ToList();
            rows.Machines.AddRange(machines);
            rows.Votes.Add(votes);
            rows.Cells.Add(Cell(
                group,
                cell.Key,
                cell.First().Scale,
                votes,
                voting.Count == 1 ? voting[0].Own?.ToEstimate() : null,
                new CellCounts(machines.Sum(m => m.Values.Count), machines.Sum(m => m.NoisySubmissions), machines.Count(m => m.NoisySubmissions > 0)),
                CellNaming.Of((quiet.Count > 0 ? quiet : [.. cell]).MaxBy(r => r.ReceivedAt)!)));
        }

        return rows;
    }

    /// <summary>
    /// The cells, their votes and the machine's rows after one more submission of that machine: its readings are added
    /// to its rows, and in each cell its old vote is taken out of the sorted votes and its new one put in, so the cell
    /// is recomputed from one row of votes however many machines it has.
    /// </summary>
    /// <param name="readings">The new submission's readings, all of one machine.</param>
    /// <param name="state">The group's stored cells, their votes and the machine's rows for the readings' keys.</param>
    public static CellRows Add(CellGroup group, IReadOnlyList<Reading> readings, CellState state)
    {
        var rows = new CellRows();
        foreach (var cell in readings.GroupBy(r => r.Key))
        {
            var before = state.Mine.GetValueOrDefault(cell.Key);
            var after = Machine(group, cell.Key, cell.First().MachineId, before, [.. cell]);
            var stored = state.Cells.GetValueOrDefault(cell.Key);
            var storedVotes = state.Votes.GetValueOrDefault(cell.Key);
            var votes = Votes(
                group,
                cell.Key,
                Moved(storedVotes?.Votes, before?.Vote, after.Vote),
                Moved(storedVotes?.SecondaryVotes, before?.SecondaryVote, after.SecondaryVote));
            var counts = new CellCounts(
                (stored?.Submissions ?? 0) - (before?.Values.Count ?? 0) + after.Values.Count,
                (stored?.NoisySubmissions ?? 0) - (before?.NoisySubmissions ?? 0) + after.NoisySubmissions,
                (stored?.NoisyMachines ?? 0) - (before is { NoisySubmissions: > 0 } ? 1 : 0) + (after.NoisySubmissions > 0 ? 1 : 0));

            // A lone voter is this machine, with its own interval, or another one, whose figure this submission (noisy
            // here) leaves as it was.
            var lone = after.Vote is not null ? after.Own?.ToEstimate() : stored?.Figure?.ToEstimate();
            rows.Machines.Add(after);
            rows.Votes.Add(votes);
            rows.Cells.Add(Cell(
                group,
                cell.Key,
                cell.First().Scale,
                votes,
                lone,
                counts,
                cell.Aggregate(stored is null ? null : CellNaming.Of(stored), (naming, reading) => naming?.After(reading) ?? CellNaming.Of(reading))!));
        }

        return rows;
    }

    /// <summary>The sorted <paramref name="stored"/> list with one <paramref name="old"/> taken out and <paramref name="added"/> put in.</summary>
    private static List<double> Moved(List<double>? stored, double? old, double? added)
    {
        List<double> votes = [.. stored ?? []];
        if (old is { } was)
        {
            var at = votes.BinarySearch(was);
            if (at < 0)
            {
                throw new InvalidOperationException($"A machine's vote {was} is missing from its cell's votes: the cell is out of step with its machine rows.");
            }

            votes.RemoveAt(at);
        }

        if (added is { } vote)
        {
            var at = votes.BinarySearch(vote);
            votes.Insert(at < 0 ? ~at : at, vote);
        }

        return votes;
    }

    private static LeaderboardCellVotes Votes(CellGroup group, CellKey key, List<double> votes, List<double> secondaryVotes) => new()
    {
        Suite = group.Suite,
        Metric = key.Metric,
        RuntimeSlug = key.Slug,
        RuntimeVersion = key.Version,
        Size = group.Size,
        CpuKey = group.CpuKey,
        Votes = votes,
        SecondaryVotes = secondaryVotes,
    };

    /// <summary>A machine's row with <paramref name="added"/> readings added to <paramref name="stored"/> (none for a new row).</summary>
    private static LeaderboardCellMachine Machine(
        CellGroup group, CellKey key, string machineId, LeaderboardCellMachine? stored, IReadOnlyList<Reading> added)
    {
        var quiet = added.Where(r => !r.Noisy).ToList();
        var withInterval = quiet.Where(r => r.Figure.HasInterval).ToList();
        List<double> values = Sorted(stored?.Values, quiet.Select(r => r.Figure.Value));
        List<double> lowers = Sorted(stored?.Lowers, withInterval.Select(r => r.Figure.Lower));
        List<double> uppers = Sorted(stored?.Uppers, withInterval.Select(r => r.Figure.Upper));
        List<double> secondaries = Sorted(stored?.Secondaries, quiet.Where(r => r.Secondary is not null).Select(r => r.Secondary!.Value));
        var points = (stored?.Points ?? 0) + (quiet.Count - withInterval.Count);
        double? confidence = withInterval.Count == 0
            ? stored?.IntervalConfidence
            : Math.Min(stored?.IntervalConfidence ?? double.PositiveInfinity, withInterval.Min(r => r.Figure.Confidence));
        return new LeaderboardCellMachine
        {
            Suite = group.Suite,
            Metric = key.Metric,
            RuntimeSlug = key.Slug,
            RuntimeVersion = key.Version,
            Size = group.Size,
            CpuKey = group.CpuKey,
            MachineId = machineId,
            Values = values,
            Lowers = lowers,
            Uppers = uppers,
            Points = points,
            IntervalConfidence = confidence,
            Secondaries = secondaries,
            NoisySubmissions = (stored?.NoisySubmissions ?? 0) + (added.Count - quiet.Count),
        };
    }

    private static List<double> Sorted(IEnumerable<double>? stored, IEnumerable<double> added)
    {
        List<double> all = [.. stored ?? [], .. added];
        all.Sort();
        return all;
    }

    private static LeaderboardCell Cell(
        CellGroup group, CellKey key, FigureScale scale, LeaderboardCellVotes votes, Estimate? lone, CellCounts counts, CellNaming named)
    {
        var cell = votes.Votes.Count > 0 ? CpuNormalizedRanking.Cell(group.CpuKey, votes.Votes, lone, counts.Quiet, scale) : null;
        return new LeaderboardCell
        {
            Suite = group.Suite,
            Metric = key.Metric,
            RuntimeSlug = key.Slug,
            RuntimeVersion = key.Version,
            Size = group.Size,
            CpuKey = group.CpuKey,
            RuntimeName = named.Name,
            Configuration = named.Configuration,
            CpuBrand = named.CpuBrand,
            Newest = named.ReceivedAt,
            Figure = Figure.From(cell?.Figure),
            Machines = cell?.Machines ?? 0,
            Submissions = cell?.Submissions ?? 0,
            Provisional = cell?.Provisional ?? true,
            Secondary = votes.SecondaryVotes.Count > 0 ? Quantiles.MedianOfSorted([.. votes.SecondaryVotes]) : null,
            NoisySubmissions = counts.Noisy,
            NoisyMachines = counts.NoisyMachines,
        };
    }
}

/// <summary>
/// Where a cell's runtime name, configuration and CPU brand come from: the newest quiet submission, or the newest noisy
/// one while no quiet submission counts.
/// </summary>
/// <param name="Quiet">Whether a quiet submission counts in the cell (then only a newer quiet one renames it).</param>
public sealed record CellNaming(string Name, string Configuration, string CpuBrand, DateTimeOffset ReceivedAt, bool Quiet)
{
    public static CellNaming Of(Reading reading) =>
        new(reading.Name, reading.Configuration, reading.CpuBrand, reading.ReceivedAt, !reading.Noisy);

    public static CellNaming Of(LeaderboardCell cell) =>
        new(cell.RuntimeName, cell.Configuration, cell.CpuBrand, cell.Newest, cell.Submissions > 0);

    public CellNaming After(Reading reading) =>
        (reading.Noisy, Quiet) switch
        {
            (false, false) => Of(reading),
            (true, true) => this,
            _ => reading.ReceivedAt >= ReceivedAt ? Of(reading) : this,
        };
}

/// <summary>A cell's identity within its group.</summary>
public readonly record struct CellKey(string Metric, string Slug, string Version);

/// <summary>One submission's figure for one cell, with what names the cell.</summary>
/// <param name="Secondary">The metric's secondary figure (e.g. the start-up ratio beside the added milliseconds), if it has one.</param>
public sealed record Reading(
    CellKey Key,
    FigureScale Scale,
    string MachineId,
    bool Noisy,
    DateTimeOffset ReceivedAt,
    string Name,
    string Configuration,
    string CpuBrand,
    Figure Figure,
    double? Secondary);

/// <summary>Cells, their votes and machine rows to write.</summary>
public sealed record CellRows
{
    public List<LeaderboardCell> Cells { get; } = [];

    public List<LeaderboardCellVotes> Votes { get; } = [];

    public List<LeaderboardCellMachine> Machines { get; } = [];
}

/// <summary>What a cell counts besides its votes.</summary>
/// <param name="Quiet">Quiet submissions behind the votes.</param>
/// <param name="Noisy">Noisy submissions with a figure for the cell.</param>
/// <param name="NoisyMachines">Machines with such a noisy submission.</param>
internal sealed record CellCounts(int Quiet, int Noisy, int NoisyMachines);

/// <summary>What an update by one machine's submission reads: the stored cells it falls in, their votes and that machine's rows there.</summary>
public sealed record CellState(
    IReadOnlyDictionary<CellKey, LeaderboardCell> Cells,
    IReadOnlyDictionary<CellKey, LeaderboardCellVotes> Votes,
    IReadOnlyDictionary<CellKey, LeaderboardCellMachine> Mine)
{
    /// <summary>The votes of every other machine in a cell: its sorted votes without this machine's.</summary>
    public IReadOnlyList<double> OtherVotes(CellKey key)
    {
        var votes = Votes.GetValueOrDefault(key)?.Votes ?? [];
        if (Mine.GetValueOrDefault(key)?.Vote is not { } mine || votes.BinarySearch(mine) is not (>= 0 and var at))
        {
            return votes;
        }

        List<double> others = [.. votes];
        others.RemoveAt(at);
        return others;
    }
}
