using NearNative.Api.Runtimes;

namespace NearNative.Api.Web.Charts;

/// <summary>One figure of a chart with its interval.</summary>
/// <param name="Label">What the row is, e.g. a runtime or a workload: may be contributor text, always encoded.</param>
/// <param name="Text">The value as people read it, e.g. <c>1.14× native</c>.</param>
/// <param name="Note">A label beside the value, e.g. <c>provisional</c>; null when none applies.</param>
public sealed record ChartRow(string Label, double Value, double Lower, double Upper, string Text, string? Note = null)
{
    public static ChartRow Of(string label, RuntimeFigureResponse figure) =>
        new(label, figure.Value, figure.Lower, figure.Upper, figure.ValueText, figure.Provisional ? "provisional" : null);
}
