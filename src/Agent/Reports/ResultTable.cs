using System.Globalization;
using NearNative.Domain.Cpu;
using NearNative.Domain.Results;
using NearNative.Domain.Statistics;
using NearNative.Domain.Suite;
using Spectre.Console;

namespace NearNative.Agent.Reports;

/// <summary>
/// The human report of a run: per runtime, each workload's median slowdown against native with its 95%
/// interval (kernel time; whole-process time for start-up workloads), the geometric mean over execution
/// workloads, and start-up. Wrong answers and failures are
/// shown as such, never as a number.
/// </summary>
public static class ResultTable
{
    public static void Write(TextWriter output, ResultDocument document, SuiteManifest manifest)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        if (!console.Profile.Out.IsTerminal)
        {
            // Piped to a file or a log: no terminal width to respect, and wrapped numbers are hard to read.
            console.Profile.Width = Math.Max(console.Profile.Width, 120);
        }

        var cpu = document.Machine.Cpu;
        output.WriteLine(
            $"{document.Suite.Id} ({document.Suite.Size}) on {cpu.Brand}, {cpu.LogicalCores} cores, virtualisation {CpuKey.Virtualization(cpu)}; "
            + $"{document.Run.Rounds} rounds, seed {document.Run.Seed}"
            + (document.Run.Noisy ? $"; NOISY (load {Number(document.Run.LoadBefore)}, steal {Number(document.Run.StealPercent)}%)" : ""));

        foreach (var runtime in RunAnalysis.Analyze(document, manifest.SpecsFor(document.Suite.Size)))
        {
            console.Write(RuntimeTable(runtime));
        }

        foreach (var skipped in document.Skipped)
        {
            output.WriteLine($"{skipped.Name}: skipped ({skipped.Reason})");
        }
    }

    private static Table RuntimeTable(RuntimeAnalysis analysis)
    {
        var runtime = analysis.Runtime;
        var table = new Table()
            .Title(Markup.Escape($"{runtime.Id}: {runtime.Name} {runtime.Version} ({runtime.Configuration})"))
            .AddColumn("workload")
            .AddColumn("category")
            .AddColumn(new TableColumn("× native").RightAligned())
            .AddColumn(new TableColumn("95% interval").RightAligned())
            .AddColumn(new TableColumn("% of native").RightAligned());

        foreach (var workload in analysis.Workloads)
        {
            table.AddRow(Cells(workload.Workload.Id, workload.Workload.Category, workload.Ratio, Status(workload)));
        }

        table.AddEmptyRow();
        table.AddRow(Cells("execution", "geomean", analysis.Execution, analysis.Execution is null ? "n/a" : null));
        table.AddRow(Cells("startup", "process", analysis.Startup, analysis.Startup is null ? "n/a" : null));
        table.AddRow(
            "startup overhead",
            "",
            analysis.StartupOverheadMs is { } ms ? Markup.Escape($"+{Number(ms)} ms") : "n/a",
            "",
            "");
        return table;
    }

    private static string[] Cells(string name, string category, Estimate? estimate, string? status)
    {
        if (estimate is null)
        {
            return [Markup.Escape(name), Markup.Escape(category), Markup.Escape(status ?? "n/a"), "", ""];
        }

        return
        [
            Markup.Escape(name),
            Markup.Escape(category),
            $"{Number(estimate.Value)}×",
            Markup.Escape($"[{Number(estimate.Lower)}, {Number(estimate.Upper)}]"),
            $"{(100 / estimate.Value).ToString(estimate.Value > 10 ? "0.0" : "0", CultureInfo.InvariantCulture)}%",
        ];
    }

    private static string? Status(WorkloadAnalysis workload) => workload.Status switch
    {
        WorkloadStatus.Ok => null,
        WorkloadStatus.WrongOutput => "wrong output",
        WorkloadStatus.Failed => "failed",
        _ => "too few rounds",
    };

    private static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
