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

    /// <summary>The cells and machine rows of a group from every reading of its accepted submissions.</summary>
    public static CellRows Compute(CellGroup group, IReadOnlyList<Reading> readings)
    {
        var cells = new List<LeaderboardCell>();
        var machines = new List<LeaderboardCellMachine>();
        foreach (var cell in readings.GroupBy(r => r.Key))
        {
            var rows = cell.GroupBy(r => r.MachineId, StringComparer.Ordinal).Select(m => Machine(group, cell.Key, m.Key, null, [.. m])).ToList();
            var quiet = cell.Where(r => !r.Noisy).ToList();
            var named = (quiet.Count > 0 ? quiet : [.. cell]).MaxBy(r => r.ReceivedAt)!;
            machines.AddRange(rows);
            cells.Add(Cell(group, cell.Key, cell.First().Scale, [.. rows.Select(MachineSummary.Of)], CellNaming.Of(named)));
        }

        return new CellRows(cells, machines);
    }

    /// <summary>
    /// The cells and the machine's rows after one more submission of that machine: its readings are added to its rows,
    /// and each cell is recomputed from the other machines' summaries and its new row.
    /// </summary>
    /// <param name="readings">The new submission's readings, all of one machine.</param>
    /// <param name="state">The naming of the group's stored cells, the machine's rows and the other machines' summaries for the readings' keys.</param>
    public static CellRows Add(CellGroup group, IReadOnlyList<Reading> readings, CellState state)
    {
        var cells = new List<LeaderboardCell>();
        var machines = new List<LeaderboardCellMachine>();
        foreach (var cell in readings.GroupBy(r => r.Key))
        {
            var machine = Machine(group, cell.Key, cell.First().MachineId, state.Mine.GetValueOrDefault(cell.Key), [.. cell]);
            machines.Add(machine);
            cells.Add(Cell(
                group,
                cell.Key,
                cell.First().Scale,
                [.. state.Others[cell.Key], MachineSummary.Of(machine)],
                cell.Aggregate(state.Cells.GetValueOrDefault(cell.Key), (naming, reading) => naming?.After(reading) ?? CellNaming.Of(reading))!));
        }

        return new CellRows(cells, machines);
    }

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
            Vote = values.Count > 0 ? Quantiles.MedianOfSorted([.. values]) : null,
            Own = values.Count > 0 && points == 0
                ? Figure.From(MachineVote.OwnInterval([.. values], [.. lowers], [.. uppers], confidence!.Value))
                : null,
            SecondaryVote = secondaries.Count > 0 ? Quantiles.MedianOfSorted([.. secondaries]) : null,
            NoisySubmissions = (stored?.NoisySubmissions ?? 0) + (added.Count - quiet.Count),
        };
    }

    private static List<double> Sorted(IEnumerable<double>? stored, IEnumerable<double> added)
    {
        List<double> all = [.. stored ?? [], .. added];
        all.Sort();
        return all;
    }

    private static LeaderboardCell Cell(CellGroup group, CellKey key, FigureScale scale, IReadOnlyList<MachineSummary> machines, CellNaming named)
    {
        var voting = machines
            .Where(m => m.Vote is not null)
            .Select(m => new MachineVote(m.MachineId, m.Vote!.Value, m.Own?.ToEstimate(), m.Quiet))
            .ToList();
        var cell = voting.Count > 0 ? CpuNormalizedRanking.Cell(group.CpuKey, voting, scale).Cell : null;
        var secondary = machines.Where(m => m.SecondaryVote is not null).Select(m => m.SecondaryVote!.Value).ToArray();
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
            Secondary = secondary.Length > 0 ? Quantiles.Median(secondary) : null,
            NoisySubmissions = machines.Sum(m => m.Noisy),
            NoisyMachines = machines.Count(m => m.Noisy > 0),
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

/// <summary>What a cell needs of a machine's row: its vote, its own interval, its secondary vote and its counts.</summary>
public sealed record MachineSummary(string MachineId, double? Vote, Figure? Own, double? SecondaryVote, int Quiet, int Noisy)
{
    public static MachineSummary Of(LeaderboardCellMachine machine) =>
        new(machine.MachineId, machine.Vote, machine.Own, machine.SecondaryVote, machine.Values.Count, machine.NoisySubmissions);
}

/// <summary>Cells and machine rows to write.</summary>
public sealed record CellRows(IReadOnlyList<LeaderboardCell> Cells, IReadOnlyList<LeaderboardCellMachine> Machines);

/// <summary>What an update by one machine's submission reads: how the stored cells are named, that machine's rows and every other machine's summary.</summary>
public sealed record CellState(
    IReadOnlyDictionary<CellKey, CellNaming> Cells,
    IReadOnlyDictionary<CellKey, LeaderboardCellMachine> Mine,
    ILookup<CellKey, MachineSummary> Others);
