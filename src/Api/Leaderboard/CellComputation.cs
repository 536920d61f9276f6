using NearNative.Api.Data;
using NearNative.Domain.Results;
using NearNative.Domain.Statistics;

namespace NearNative.Api.Leaderboard;

/// <summary>
/// A group's cells from its stored per-submission figures, as the leaderboard defines them: noisy submissions are
/// counted but not aggregated, each machine votes once (the median of its submissions), the cell is the median over
/// machines. Pure, so maintenance and the outlier screen share it.
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

    /// <summary>The cells of <paramref name="slugs"/> (every version and metric) and of native's starts in the group.</summary>
    public static IReadOnlyList<LeaderboardCell> Compute(CellGroup group, IReadOnlyList<CellInput> inputs, IReadOnlyCollection<string> slugs)
    {
        var rows = inputs
            .SelectMany(i => i.Runtimes.Where(r => slugs.Contains(r.Slug)).Select(r => (Input: i, Runtime: r)))
            .ToList();
        var metrics = MetricsOf([.. rows.Select(r => r.Runtime)]);
        var runtimeCells = rows
            .GroupBy(r => (r.Runtime.Slug, r.Runtime.Version))
            .SelectMany(version => metrics.Select(metric => Cell(
                group,
                metric.Id,
                version.Key.Slug,
                version.Key.Version,
                metric.Scale,
                [
                    .. version
                        .Select(r => (r.Input, r.Runtime, Figure: metric.Read(r.Runtime)))
                        .Where(r => r.Figure is not null)
                        .Select(r => new Reading(
                            r.Input.MachineId, r.Input.Noisy, r.Input.ReceivedAt, r.Runtime.Name, r.Runtime.Configuration, r.Input.CpuBrand,
                            r.Figure!, metric.Secondary?.Read(r.Runtime))),
                ])));
        return [.. runtimeCells.Concat(NativeStartCells(group, inputs)).OfType<LeaderboardCell>()];
    }

    /// <summary>The votes of a cell's quiet submissions, one per machine: what the outlier screen compares with.</summary>
    public static IReadOnlyDictionary<string, double> MachineVotes(IEnumerable<(string MachineId, double Value)> quiet) =>
        quiet.GroupBy(q => q.MachineId, StringComparer.Ordinal)
            .ToDictionary(m => m.Key, m => Quantiles.Median(m.Select(q => q.Value).ToArray()), StringComparer.Ordinal);

    private static IEnumerable<LeaderboardCell?> NativeStartCells(CellGroup group, IReadOnlyList<CellInput> inputs) =>
        InstanceStart.NativeMethods.Select(method => Cell(
            group,
            NativeStartPrefix + method,
            NativeSlug,
            runtimeVersion: "",
            FigureScale.Amount,
            [
                .. inputs
                    .Select(i => (Input: i, Us: method switch
                    {
                        InstanceStart.ForkExec => i.NativeForkExecUs,
                        InstanceStart.PosixSpawn => i.NativePosixSpawnUs,
                        _ => i.NativeNamespacedUs,
                    }))
                    .Where(x => x.Us is not null)
                    .Select(x => new Reading(
                        x.Input.MachineId, x.Input.Noisy, x.Input.ReceivedAt, NativeSlug, RuntimeInfo.DefaultConfiguration, x.Input.CpuBrand,
                        Figure.Point(x.Us)!, Secondary: null)),
            ]));

    private static LeaderboardCell? Cell(
        CellGroup group,
        string metric,
        string slug,
        string runtimeVersion,
        FigureScale scale,
        IReadOnlyList<Reading> readings)
    {
        if (readings.Count == 0)
        {
            return null;
        }

        var quiet = readings.Where(r => !r.Noisy).ToList();
        var noisy = readings.Where(r => r.Noisy).ToList();
        var named = (quiet.Count > 0 ? quiet : noisy).MaxBy(r => r.ReceivedAt)!;
        var votes = quiet.Count > 0
            ? CpuNormalizedRanking.Cell(group.CpuKey, [.. quiet.Select(r => new SubmissionValue(group.CpuKey, r.MachineId, r.Figure.Value, Own(r.Figure)))], scale)
            : null;
        var secondary = quiet.Where(r => r.Secondary is not null).Select(r => (r.MachineId, r.Secondary!.Value)).ToList();
        return new LeaderboardCell
        {
            Suite = group.Suite,
            Metric = metric,
            RuntimeSlug = slug,
            RuntimeVersion = runtimeVersion,
            Size = group.Size,
            CpuKey = group.CpuKey,
            RuntimeName = named.Name,
            Configuration = named.Configuration,
            CpuBrand = named.CpuBrand,
            Newest = named.ReceivedAt,
            Figure = Figure.From(votes?.Cell.Figure),
            MachineVotes = [.. votes?.MachineVotes ?? []],
            Machines = votes?.Cell.Machines ?? 0,
            Submissions = votes?.Cell.Submissions ?? 0,
            Provisional = votes?.Cell.Provisional ?? true,
            Secondary = secondary.Count > 0 ? Quantiles.Median([.. MachineVotes(secondary).Values]) : null,
            NoisySubmissions = noisy.Count,
            NoisyMachines = noisy.Select(r => r.MachineId).Distinct(StringComparer.Ordinal).Count(),
        };
    }

    /// <summary>A figure's own interval; none for a point such as instance density, whose cell then takes the median's interval over machines like any other.</summary>
    private static Estimate? Own(Figure figure) => figure.HasInterval ? figure.ToEstimate() : null;

    private sealed record Reading(
        string MachineId,
        bool Noisy,
        DateTimeOffset ReceivedAt,
        string Name,
        string Configuration,
        string CpuBrand,
        Figure Figure,
        double? Secondary);
}
