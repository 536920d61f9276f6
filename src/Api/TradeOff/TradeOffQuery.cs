using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Api.Leaderboard;
using NearNative.Api.Suites;
using NearNative.Domain.Statistics;
using NearNative.Domain.Suite;

namespace NearNative.Api.TradeOff;

/// <summary>
/// The trade-off for one service description, from the leaderboard's maintained cells (never from submissions): the
/// figures of every runtime version on one architecture (or CPU key), combined per metric exactly as the leaderboard
/// combines them, then put through <see cref="TradeOffModel"/>. The endpoint and the trade-off page both call it.
/// </summary>
public sealed class TradeOffQuery(NearNativeDbContext db, SuiteCatalog suites, IValidator<TradeOffParameters> validator)
{
    public async Task<Results<Ok<TradeOffResponse>, ValidationProblem, NotFoundProblem>> AnswerAsync(
        TradeOffParameters query,
        CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(query, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.ToValidationProblem();
        }

        if (suites.Find(query.SuiteOrNewest(suites)) is not { } manifest)
        {
            return SuiteProblems.Unknown(query.Suite);
        }

        // The validator has refused every mix that does not parse.
        var mix = query.Mix(manifest)!;
        var nativeMetric = CellComputation.NativeStartPrefix + query.NativeMethod;
        var metrics = mix.Select(m => m.Metric.Id)
            .Concat([LeaderboardMetric.Startup.Id, LeaderboardMetric.InstanceStart.Id, LeaderboardMetric.MemoryFloor.Id, LeaderboardMetric.InstanceDensity.Id, nativeMetric])
            .ToList();
        var filter = new LeaderboardFilter(manifest.Suite, query.Size, query.Cpu, query.ChosenArchitecture);
        var cells = await filter.Apply(db.LeaderboardCells.AsNoTracking())
            .Where(c => metrics.Contains(c.Metric))
            .ToListAsync(cancellationToken);

        var size = query.Size ?? (cells.Any(c => c.Size == SuiteManifest.FullSize && c.Figure is not null && mix.Any(m => m.Metric.Id == c.Metric))
            ? SuiteManifest.FullSize
            : SuiteManifest.QuickSize);
        var bySize = cells.Where(c => c.Size == size).ToLookup(c => c.Metric, StringComparer.Ordinal);
        var figures = new Figures(bySize, nativeMetric);
        var total = mix.Sum(m => m.Weight);

        var versions = mix
            .SelectMany(m => figures.Rows(m.Metric).Keys)
            .Distinct()
            .Order()
            .ToList();
        var complete = versions.Where(v => mix.All(m => figures.Rows(m.Metric).ContainsKey(v))).ToList();
        var rows = complete
            .Select(v => Row(v, mix, figures, query))
            .OrderBy(r => r.Slowdown.Value)
            .ThenBy(r => r.Runtime, StringComparer.Ordinal)
            .ThenBy(r => r.Version, StringComparer.Ordinal)
            .Select((r, i) => r with { Rank = i + 1 })
            .ToList();
        var incomplete = versions.Except(complete)
            .Select(v =>
            {
                var named = mix.Select(m => figures.Rows(m.Metric).GetValueOrDefault(v)).OfType<LeaderboardRow>().MaxBy(r => r.Newest)!;
                return new TradeOffIncompleteResponse(
                    v.Slug, named.Name, v.Version, named.Configuration,
                    [.. mix.Where(m => !figures.Rows(m.Metric).ContainsKey(v)).Select(m => m.Metric.Id)]);
            })
            .ToList();

        return TypedResults.Ok(new TradeOffResponse(
            manifest.Suite,
            size,
            query.ChosenArchitecture,
            query.Cpu,
            query.Like,
            [.. mix.Select(m => new TradeOffMixResponse(m.Metric.Id, m.Metric.Category ?? m.Metric.Workload!, m.Weight, m.Weight / total))],
            query.RequestsPerInstance,
            query.CpuMsPerRequest,
            query.NativeMethod,
            rows,
            incomplete,
            TradeOffModel.Formula));
    }

    private static TradeOffRowResponse Row(
        RuntimeVersion version,
        IReadOnlyList<(LeaderboardMetric Metric, double Weight)> mix,
        Figures figures,
        TradeOffParameters query)
    {
        var requests = query.RequestsPerInstance;
        var cpuMs = query.CpuMsPerRequest;
        var parts = mix.Select(m => (m.Metric, m.Weight, Row: figures.Rows(m.Metric)[version])).ToList();
        var slowdown = TradeOffModel.WeightedSlowdown([.. parts.Select(p => new WeightedRatio(p.Weight, p.Row.Ranking.Figure))]);
        var named = parts.MaxBy(p => p.Row.Newest).Row;

        var startup = figures.Rows(LeaderboardMetric.Startup).GetValueOrDefault(version);
        var instance = figures.Rows(LeaderboardMetric.InstanceStart).GetValueOrDefault(version);
        var floor = figures.Rows(LeaderboardMetric.MemoryFloor).GetValueOrDefault(version);
        var density = figures.Rows(LeaderboardMetric.InstanceDensity).GetValueOrDefault(version);

        // Native's start over the CPU keys of the runtime's own start figures, so both sides come from the same CPUs.
        var native = figures.NativeStart((instance ?? startup)?.Ranking.Cells.Select(c => c.CpuKey) ?? []);
        var nativeFigure = native is null
            ? null
            : Figure(native, figures.NativeMetric, LeaderboardMetric.MicrosecondsUnit, Amount.Microseconds(native.Figure.Value) + " per native process");

        TradeOffComparisonResponse? inHost = null;
        if (instance is not null && native is not null)
        {
            var difference = TradeOffModel.Difference(Milliseconds(instance.Ranking.Figure), Milliseconds(native.Figure));
            inHost = Comparison(
                $"Instances of the runtime in one running host against native processes started by {query.NativeMethod}, each serving {TradeOffSummary.Count(requests)}.",
                TradeOffModel.Compare(slowdown, difference, native.Figure.Value / 1000, cpuMs, requests),
                difference,
                cpuMs,
                requests,
                parts.Any(p => p.Row.Ranking.Provisional) || instance.Ranking.Provisional || native.Provisional);
        }

        TradeOffComparisonResponse? process = null;
        if (startup is not null)
        {
            var added = startup.Ranking.Figure;
            var difference = new ValueRange(added.Value, added.Lower, added.Upper);
            process = Comparison(
                $"A process of the runtime against a native process, each started by {query.NativeMethod} and serving {TradeOffSummary.Count(requests)}.",
                TradeOffModel.Compare(slowdown, difference, native?.Figure.Value / 1000, cpuMs, requests),
                difference,
                cpuMs,
                requests,
                parts.Any(p => p.Row.Ranking.Provisional) || startup.Ranking.Provisional || (native?.Provisional ?? false));
        }

        return new TradeOffRowResponse(
            0,
            version.Slug,
            named.Name,
            version.Version,
            named.Configuration,
            new TradeOffSlowdownResponse(
                slowdown.Value,
                slowdown.Lower,
                slowdown.Upper,
                slowdown.Confidence,
                Slowdown.FormatVersusNative(slowdown.Value),
                Slowdown.SpeedPercent(slowdown.Value),
                [.. parts.Select(p => new TradeOffPartResponse(p.Metric.Id, p.Weight, Figure(p.Row, p.Metric)))]),
            startup is null ? null : Figure(startup, LeaderboardMetric.Startup),
            startup?.Ranking.Figure.Value / requests,
            instance is null ? null : Figure(instance, LeaderboardMetric.InstanceStart),
            instance?.Ranking.Figure.Value / requests,
            nativeFigure,
            nativeFigure?.Value / requests,
            floor is null ? null : Figure(floor, LeaderboardMetric.MemoryFloor),
            floor?.Secondary,
            density is null ? null : Figure(density, LeaderboardMetric.InstanceDensity),
            inHost,
            process,
            parts.Any(p => p.Row.Ranking.Provisional)
                || new[] { startup, instance, floor, density }.Any(r => r?.Ranking.Provisional ?? false)
                || (native?.Provisional ?? false));
    }

    private static TradeOffComparisonResponse Comparison(string against, Comparison comparison, ValueRange difference, double cpuMs, long requests, bool provisional) => new(
        against,
        Range(difference),
        Range(comparison.ExtraMs),
        comparison.Costs?.NativeMs,
        comparison.Costs?.RuntimeMs,
        comparison.Costs is { } costs ? Range(costs.Ratio) : null,
        comparison.PaysOff,
        BreakEven(comparison.CpuMs),
        BreakEven(comparison.Requests),
        TradeOffSummary.Of(comparison, cpuMs, requests),
        provisional);

    private static TradeOffRangeResponse Range(ValueRange range) => new(range.Value, range.Lower, range.Upper);

    private static TradeOffBreakEvenResponse BreakEven(BreakEven breakEven) => new(
        TradeOffSummary.Name(breakEven.When), breakEven.Value, breakEven.Lower, breakEven.Upper, breakEven.Certain);

    private static Estimate Milliseconds(Estimate us) => new(us.Value / 1000, us.Lower / 1000, us.Upper / 1000, us.Confidence);

    private static TradeOffFigureResponse Figure(LeaderboardRow row, LeaderboardMetric metric) =>
        Figure(row.Ranking, metric.Id, metric.Unit, metric.Format(row.Ranking.Figure.Value));

    private static TradeOffFigureResponse Figure(Ranking ranking, string metric, string unit, string text) => new(
        ranking.Figure.Value,
        ranking.Figure.Lower,
        ranking.Figure.Upper,
        ranking.Figure.Confidence,
        unit,
        text,
        new TradeOffSourceResponse(
            metric,
            ranking.Machines,
            ranking.Submissions,
            ranking.Provisional,
            [.. ranking.Cells.Select(c => new TradeOffCellResponse(c.CpuKey, c.Machines, c.Submissions, c.Provisional))]));

    /// <summary>A runtime version on the architecture: one leaderboard row per metric.</summary>
    private sealed record RuntimeVersion(string Slug, string Version) : IComparable<RuntimeVersion>
    {
        public int CompareTo(RuntimeVersion? other) => other is null
            ? 1
            : (string.CompareOrdinal(Slug, other.Slug) is var bySlug and not 0 ? bySlug : string.CompareOrdinal(Version, other.Version));
    }

    /// <summary>The cells of one size, per metric, combined into leaderboard rows once per metric.</summary>
    private sealed class Figures(ILookup<string, LeaderboardCell> cells, string nativeMetric)
    {
        private readonly Dictionary<string, IReadOnlyDictionary<RuntimeVersion, LeaderboardRow>> _rows = new(StringComparer.Ordinal);

        public string NativeMetric => nativeMetric;

        public IReadOnlyDictionary<RuntimeVersion, LeaderboardRow> Rows(LeaderboardMetric metric)
        {
            if (!_rows.TryGetValue(metric.Id, out var rows))
            {
                rows = LeaderboardQuery.Rows(cells[metric.Id], metric).Ranked.ToDictionary(r => new RuntimeVersion(r.Slug, r.Version));
                _rows[metric.Id] = rows;
            }

            return rows;
        }

        /// <summary>Native's process start over <paramref name="cpuKeys"/>, combined as the leaderboard combines amounts; null when none has it.</summary>
        public Ranking? NativeStart(IEnumerable<string> cpuKeys)
        {
            var keys = cpuKeys.ToHashSet(StringComparer.Ordinal);
            var counted = cells[nativeMetric].Where(c => c.Figure is not null && keys.Contains(c.CpuKey)).ToList();
            return counted.Count == 0 ? null : CpuNormalizedRanking.Combine(LeaderboardQuery.Cells(counted), FigureScale.Amount);
        }
    }
}
