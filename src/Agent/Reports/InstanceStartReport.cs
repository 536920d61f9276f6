using System.Globalization;
using NearNative.Domain.Results;
using NearNative.Domain.Statistics;
using Spectre.Console;

namespace NearNative.Agent.Reports;

/// <summary>
/// Instance start in a running host: per runtime the median and 99th percentile microseconds per instance and the
/// kilobytes each live instance keeps; then the native process starts in milliseconds, for scale. Nothing when the run
/// measured none.
/// </summary>
public static class InstanceStartReport
{
    public static void Write(IAnsiConsole console, TextWriter output, ResultDocument document)
    {
        var inHost = document.InstanceStarts.Where(m => m.Method == InstanceStart.InHost).ToList();
        if (inHost.Count > 0)
        {
            var table = new Table()
                .Title("instance start in a running host (empty module)")
                .AddColumn("runtime")
                .AddColumn(new TableColumn("median µs").RightAligned())
                .AddColumn(new TableColumn("p99 µs").RightAligned())
                .AddColumn(new TableColumn("KB per live instance").RightAligned())
                .AddColumn(new TableColumn("instances").RightAligned());
            foreach (var measurement in inHost)
            {
                table.AddRow(InstanceStartFigures.Of(measurement) is { } f
                    ? [Markup.Escape(f.Runtime), Number(f.MedianUs.Value), Number(f.P99Us), f.KbPerLiveInstance is { } kb ? Number(kb) : "n/a", Count(f.Instances)]
                    : [Markup.Escape(measurement.Runtime), Markup.Escape(measurement.UnavailableReason ?? "too few starts"), "", "", ""]);
            }

            console.Write(table);
        }

        var native = document.InstanceStarts.Where(m => m.Runtime == RuntimeInfo.NativeId).ToList();
        if (native.Count > 0)
        {
            output.WriteLine("native process start, for scale (median, p99): " + string.Join("; ", native.Select(Baseline)));
        }
    }

    private static string Baseline(InstanceStart measurement) => InstanceStartFigures.Of(measurement) is { } f
        ? string.Create(CultureInfo.InvariantCulture, $"{f.Method} {f.MedianUs.Value / 1000:0.000} ms, {f.P99Us / 1000:0.000} ms")
        : $"{measurement.Method} n/a ({measurement.UnavailableReason ?? "too few starts"})";

    private static string Number(double value) => value.ToString(value < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
