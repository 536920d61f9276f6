using System.Globalization;

namespace NearNative.Api.TradeOff;

/// <summary>A comparison's answer in one sentence, and the wire names of <see cref="PaysOffWhen"/>.</summary>
public static class TradeOffSummary
{
    public static string Name(PaysOffWhen when) => when switch
    {
        PaysOffWhen.Below => "below",
        PaysOffWhen.Above => "above",
        PaysOffWhen.Always => "always",
        _ => "never",
    };

    /// <summary>
    /// E.g. "At 1 ms per request and 1 request per instance it costs 0.625× native per request. It pays off below
    /// 2.43 ms of CPU per request (1.9–3.33 ms)."
    /// </summary>
    public static string Of(Comparison comparison, double cpuMs, long requests)
    {
        var at = $"At {Number(cpuMs)} ms per request and {Count(requests)} per instance it costs ";
        var cost = comparison.Costs is { } costs
            ? $"{Number(costs.Ratio.Value)}× native per request"
            : $"{Signed(comparison.ExtraMs.Value)} ms per request against native";
        var breakEven = comparison.CpuMs;
        var rule = breakEven.When switch
        {
            PaysOffWhen.Below or PaysOffWhen.Above =>
                $"It pays off {Name(breakEven.When)} {Number(breakEven.Value!.Value)} ms of CPU per request{Bounds(breakEven)}.",
            PaysOffWhen.Always => "It always pays off: it is no slower than native and starts no slower.",
            _ => "It never pays off: it is no faster than native and starts no faster.",
        };
        return $"{at}{cost}. {rule}";
    }

    /// <summary>The break-even's range in brackets, or nothing when it has no width at the precision shown.</summary>
    private static string Bounds(BreakEven breakEven)
    {
        var (lower, value) = (Number(breakEven.Lower!.Value), Number(breakEven.Value!.Value));
        return breakEven.Upper is not { } upper ? $" (at least {lower} ms)"
            : lower == value && Number(upper) == value ? ""
            : $" ({lower}–{Number(upper)} ms)";
    }

    public static string Count(long requests) => requests == 1 ? "1 request" : requests.ToString("N0", CultureInfo.InvariantCulture) + " requests";

    private static string Signed(double value) => (value < 0 ? "-" : "+") + Number(Math.Abs(value));

    /// <summary>About three significant digits: <c>0.625</c>, <c>2.43</c>, <c>24.3</c>, <c>243</c>, <c>2430</c>.</summary>
    public static string Number(double value) => value.ToString(
        Math.Abs(value) switch
        {
            < 1 => "0.###",
            < 10 => "0.##",
            < 100 => "0.#",
            _ => "0",
        },
        CultureInfo.InvariantCulture);
}
