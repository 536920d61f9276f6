using NearNative.Domain.Statistics;

namespace NearNative.Api.TradeOff;

/// <summary>
/// The trade-off arithmetic, pure: a service whose requests each take <c>t</c> ms of CPU natively and whose instances
/// serve <c>N</c> requests before they are recycled pays, per request, <c>t + Q/N</c> natively and <c>S·t + R/N</c>
/// under a runtime (S the runtime's slowdown on the service's mix, Q and R the start of one instance natively and under
/// the runtime). With <c>D = R − Q</c> the runtime costs <c>Δ = (S−1)·t + D/N</c> more per request, and it pays off
/// while Δ &lt; 0. Ranges are taken over every combination of the inputs' bounds, so they hold whatever the inputs'
/// errors have in common.
/// </summary>
public static class TradeOffModel
{
    /// <summary>The model as the page shows it, one line per statement.</summary>
    public static IReadOnlyList<string> Formula { get; } =
    [
        "S = exp(Σ wᵢ·ln Sᵢ / Σ wᵢ): the weighted geometric mean of the category ratios Sᵢ with the weights wᵢ (or one workload's ratio).",
        "Native, per request: t + Q/N; under the runtime: S·t + R/N (t = CPU ms per request natively, N = requests per instance, Q and R = the start of one instance natively and under the runtime).",
        "In a host: R = I (in-host instance start), Q = P (native process start). As processes: R − Q = A (milliseconds the runtime's process adds to native's).",
        "Extra cost per request Δ = (S−1)·t + (R−Q)/N; the runtime pays off while Δ < 0.",
        "Break-even CPU time t* = (Q−R) / (N·(S−1)) and break-even requests per instance N* = (Q−R) / ((S−1)·t).",
        "With S > 1 and R < Q the runtime pays off below t* (or N*); with S < 1 and R > Q above it; with S ≥ 1 and R ≥ Q never; with S ≤ 1 and R ≤ Q always.",
        "Bounds: S's are the weighted geometric means of the categories' bounds (exact when the categories' errors move together, wider than needed otherwise); every other range is taken over all combinations of its inputs' bounds.",
    ];

    /// <summary>
    /// The weighted geometric mean of the ratios, its bounds the weighted geometric means of their bounds: exact if the
    /// ratios' errors are fully correlated, conservative (wider than needed) otherwise. Parts of weight zero are ignored.
    /// </summary>
    public static Estimate WeightedSlowdown(IReadOnlyList<WeightedRatio> parts)
    {
        var counted = parts.Where(p => p.Weight > 0).ToList();
        if (counted.Count == 0)
        {
            throw new ArgumentException("A slowdown needs at least one part of positive weight.", nameof(parts));
        }

        var total = counted.Sum(p => p.Weight);
        double Mean(Func<Estimate, double> bound) => Math.Exp(counted.Sum(p => p.Weight * Math.Log(bound(p.Ratio))) / total);
        return new Estimate(Mean(r => r.Value), Mean(r => r.Lower), Mean(r => r.Upper), counted.Min(p => p.Ratio.Confidence));
    }

    /// <summary>
    /// What the runtime's start of one instance adds to native's (<c>R − Q</c>) from the two measured separately: the
    /// range pairs each bound with the other's opposite one, since nothing ties their errors together.
    /// </summary>
    public static ValueRange Difference(Estimate runtime, Estimate native) => new(
        runtime.Value - native.Value,
        Math.Min(runtime.Lower, runtime.Value) - Math.Max(native.Upper, native.Value),
        Math.Max(runtime.Upper, runtime.Value) - Math.Min(native.Lower, native.Value));

    /// <summary>The runtime against native for a service of <paramref name="cpuMs"/> per request and <paramref name="requests"/> per instance.</summary>
    /// <param name="slowdown">S with its interval.</param>
    /// <param name="addedStartMs">R − Q: what one instance's start under the runtime adds to native's, in ms.</param>
    /// <param name="nativeStartMs">Q, native's start of one instance in ms, for the costs and their ratio; null when unknown.</param>
    public static Comparison Compare(Estimate slowdown, ValueRange addedStartMs, double? nativeStartMs, double cpuMs, long requests)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cpuMs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requests);

        var s = ValueRange.Around(slowdown);
        var d = addedStartMs.Covering();
        double Extra(double sv, double dv) => ((sv - 1) * cpuMs) + (dv / requests);

        // Δ grows with S and with D, so its extremes are at the matching corners.
        var extra = new ValueRange(Extra(slowdown.Value, addedStartMs.Value), Extra(s.Lower, d.Lower), Extra(s.Upper, d.Upper));
        Costs? costs = null;
        if (nativeStartMs is { } q)
        {
            var native = cpuMs + (q / requests);
            costs = new Costs(native, native + extra.Value, new ValueRange(1 + (extra.Value / native), 1 + (extra.Lower / native), 1 + (extra.Upper / native)));
        }

        return new Comparison(
            extra,
            costs,
            extra.Value < 0,
            Solve(slowdown.Value, s, addedStartMs.Value, d, requests),
            Solve(slowdown.Value, s, addedStartMs.Value, d, cpuMs));
    }

    /// <summary>When the runtime pays off, from the signs of S − 1 and D alone.</summary>
    public static PaysOffWhen Case(double slowdown, double addedStartMs) =>
        slowdown > 1 && addedStartMs < 0 ? PaysOffWhen.Below
        : slowdown < 1 && addedStartMs > 0 ? PaysOffWhen.Above
        : slowdown <= 1 && addedStartMs <= 0 && (slowdown < 1 || addedStartMs < 0) ? PaysOffWhen.Always
        : PaysOffWhen.Never;

    /// <summary>
    /// The root of <c>(S−1)·x·k + D = 0</c> in x, <c>x* = D / (k·(1−S))</c>, with k = N for the break-even CPU time and
    /// k = t for the break-even requests per instance. Within one sign case x* is monotonic in S and D, so its range
    /// is at the corners of their box; where the box reaches S = 1 the range is unbounded, where it reaches D = 0 it
    /// starts at zero.
    /// </summary>
    private static BreakEven Solve(double sValue, ValueRange s, double dValue, ValueRange d, double k)
    {
        var when = Case(sValue, dValue);
        var certain = new[] { Case(s.Lower, d.Lower), Case(s.Lower, d.Upper), Case(s.Upper, d.Lower), Case(s.Upper, d.Upper) }.All(c => c == when);
        double Root(double sv, double dv) => dv / (k * (1 - sv));
        return when switch
        {
            PaysOffWhen.Below => new BreakEven(
                when,
                Root(sValue, dValue),
                d.Upper < 0 ? Root(s.Upper, d.Upper) : 0,
                s.Lower > 1 ? Root(s.Lower, d.Lower) : null,
                certain),
            PaysOffWhen.Above => new BreakEven(
                when,
                Root(sValue, dValue),
                d.Lower > 0 ? Root(s.Lower, d.Lower) : 0,
                s.Upper < 1 ? Root(s.Upper, d.Upper) : null,
                certain),
            _ => new BreakEven(when, null, null, null, certain),
        };
    }
}

/// <param name="Weight">Non-negative; only its share of the total matters.</param>
public sealed record WeightedRatio(double Weight, Estimate Ratio);

/// <summary>A derived quantity with the range its inputs' bounds allow (no confidence of its own is claimed).</summary>
public sealed record ValueRange(double Value, double Lower, double Upper)
{
    public static ValueRange Around(Estimate estimate) => new ValueRange(estimate.Value, estimate.Lower, estimate.Upper).Covering();

    /// <summary>
    /// The range stretched to take in its value, for deriving other ranges only: an interval stored before today's methods
    /// (a bootstrap's) can miss its own estimate, and a range derived from it should still hold the derived value.
    /// </summary>
    public ValueRange Covering() => new(Value, Math.Min(Lower, Value), Math.Max(Upper, Value));
}

/// <param name="NativeMs">Native's cost per request: t + Q/N.</param>
/// <param name="RuntimeMs">The runtime's cost per request: S·t + R/N.</param>
/// <param name="Ratio">The runtime's cost over native's, with its range.</param>
public sealed record Costs(double NativeMs, double RuntimeMs, ValueRange Ratio);

/// <param name="ExtraMs">Δ, what the runtime costs more than native per request (negative: less).</param>
/// <param name="Costs">Both costs per request and their ratio; null when native's start Q is unknown.</param>
/// <param name="PaysOff">Δ &lt; 0 at the given CPU time and requests.</param>
/// <param name="CpuMs">The break-even CPU time per request t*.</param>
/// <param name="Requests">The break-even requests per instance N*.</param>
public sealed record Comparison(ValueRange ExtraMs, Costs? Costs, bool PaysOff, BreakEven CpuMs, BreakEven Requests);

/// <param name="When">On which side of <see cref="Value"/> the runtime pays off, or that it always or never does.</param>
/// <param name="Value">The break-even point; null for <see cref="PaysOffWhen.Always"/> and <see cref="PaysOffWhen.Never"/>.</param>
/// <param name="Lower">The smallest break-even the inputs' bounds allow (zero when they allow none at all).</param>
/// <param name="Upper">The largest; null when the bounds allow no limit (S may be 1).</param>
/// <param name="Certain">Every combination of the inputs' bounds gives the same <see cref="When"/>.</param>
public sealed record BreakEven(PaysOffWhen When, double? Value, double? Lower, double? Upper, bool Certain);

public enum PaysOffWhen
{
    /// <summary>The runtime pays off below the break-even point: it is slower but starts faster than native.</summary>
    Below,

    /// <summary>The runtime pays off above the break-even point: it is faster but starts slower.</summary>
    Above,

    /// <summary>The runtime is never slower and never starts slower, and one of the two is strictly better.</summary>
    Always,

    /// <summary>The runtime is never faster and never starts faster.</summary>
    Never,
}
