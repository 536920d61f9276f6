using System.Globalization;
using NearNative.Agent.Measurement;
using NearNative.Domain.Cpu;
using NearNative.Domain.Results;
using NearNative.Domain.Statistics;
using NearNative.Domain.Suite;
using Spectre.Console;

namespace NearNative.Agent.Reports;

/// <summary>
/// The human report of a run. First how it was run: rounds, budget, memory method and the noise verdict. Then per
/// runtime each workload's median slowdown against native with its 95% interval (kernel time; whole-process time
/// for start-up workloads and user programs), its process and memory ratios, rounds used and shape flags, and the
/// summary rows: execution, process and memory geomeans (without the start-up workloads), start-up in milliseconds
/// added to native, the memory floor in MB, pre-initialisation gain and each category. Wrong answers and failures
/// are shown as such, never as a number.
/// </summary>
public static class ResultTable
{
    public static void Write(TextWriter output, ResultDocument document, IReadOnlyList<WorkloadSpec> specs)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        if (!console.Profile.Out.IsTerminal)
        {
            // Piped to a file or a log: no terminal width to respect, and wrapped numbers are hard to read.
            console.Profile.Width = Math.Max(console.Profile.Width, 140);
        }

        foreach (var line in RunLines(document))
        {
            output.WriteLine(line);
        }

        foreach (var runtime in RunAnalysis.Analyze(document, specs))
        {
            console.Write(RuntimeTable(runtime));
        }

        InstanceStartReport.Write(console, output, document);
        foreach (var skipped in document.Skipped)
        {
            output.WriteLine(skipped.Workloads is { } workloads
                ? $"{skipped.Name}: {string.Join(", ", workloads)} not run ({skipped.Reason})"
                : $"{skipped.Name}: skipped ({skipped.Reason})");
        }
    }

    /// <summary>What was run and how, before any number: a reader judges the table by these.</summary>
    public static IEnumerable<string> RunLines(ResultDocument document)
    {
        var cpu = document.Machine.Cpu;
        var run = document.Run;
        var what = SuiteReference.IsCustom(document.Suite.Id)
            ? $"custom program (module sha256 {run.CustomModuleSha256?[..Math.Min(16, run.CustomModuleSha256.Length)]}…, never submitted)"
            : $"{document.Suite.Id} ({document.Suite.Size})";
        yield return $"{what} on {cpu.Brand}, {cpu.LogicalCores} cores, virtualisation {CpuKey.Virtualization(cpu)}; seed {run.Seed}";

        var stopped = run.StoppedBy switch
        {
            RunInfo.StoppedSettled => "every interval within ±2%",
            RunInfo.StoppedMaxRounds => $"maximum of {run.MaxRounds} rounds reached",
            RunInfo.StoppedBudget => $"the {Duration(run.BudgetSeconds)} budget ran out",
            _ => "n/a",
        };
        yield return $"rounds: minimum {run.Rounds}, maximum {run.MaxRounds}, cold start {run.ColdStartRounds}; stopped: {stopped}";
        if (run.WorkloadRounds is { Count: > 0 } rounds)
        {
            yield return "rounds per workload: " + string.Join(", ", rounds.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"));
        }

        yield return run.PeakRssMethod is null
            ? "memory: not measured (launcher unavailable)"
            : $"memory: peak resident set of each process on its own ({run.PeakRssMethod}), cap {(run.MemoryCapBytes is { } cap ? ByteSizeText.Format(cap) : "none")}";
        yield return NoiseLine(run);
    }

    public static string NoiseLine(RunInfo run)
    {
        var rounds = run.RoundNoise?.Count ?? 0;
        var pressure = run.CpuPressureBefore is { } p ? string.Create(CultureInfo.InvariantCulture, $", CPU pressure {p:0.0}%") : "";
        var figures = string.Create(
            CultureInfo.InvariantCulture,
            $"load {run.LoadBefore:0.00} before{pressure}, steal {run.StealPercent:0.0}%, {run.NoisyRounds} of {rounds} rounds noisy, waited {run.WaitedSeconds:0}s");
        return run.Noisy ? $"noise: NOISY ({figures}); samples kept, read the ratios with care" : $"noise: quiet ({figures})";
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
            .AddColumn(new TableColumn("% of native").RightAligned())
            .AddColumn(new TableColumn("process").RightAligned())
            .AddColumn(new TableColumn("memory").RightAligned())
            .AddColumn(new TableColumn("rounds").RightAligned())
            .AddColumn("notes");

        foreach (var workload in analysis.Workloads)
        {
            table.AddRow(
            [
                .. Cells(workload.Workload.Id, workload.Workload.Category, workload.Ratio, Status(workload)),
                Ratio(workload.Process?.Estimate),
                Ratio(workload.Memory?.Estimate),
                workload.Kernel is { } k ? k.Ratios.Count.ToString(CultureInfo.InvariantCulture) : "",
                Markup.Escape(Flags(workload)),
            ]);
        }

        table.AddEmptyRow();
        // The empty program measures start-up and the floor, not how a runtime computes or uses memory; an opt-in
        // workload is measured in few runs, so leaving it out keeps every run's geometric means comparable.
        var outside = string.Join(", ", ["start-up", .. analysis.Workloads.Where(w => w.Workload.OptIn).Select(w => w.Workload.Id)]);
        var note = $"excl. {outside}";
        AddSummary(table, "execution", "geomean", analysis.Execution, note);
        AddSummary(table, "process", "geomean", analysis.Process, note);
        AddSummary(table, "memory", "geomean", analysis.Memory, note);
        AddAmount(table, "start-up", "ms added", analysis.ColdStart.AddedMs, " ms", signed: true,
            analysis.Startup is { } ratio ? $"{Number(ratio.Value)}× native" : "");
        AddAmount(table, "memory floor", "empty", analysis.ColdStart.FloorMb, " MB", signed: false,
            analysis.ColdStart.NativeFloorMb is { } native ? string.Create(CultureInfo.InvariantCulture, $"native {native:0.0} MB") : "");
        AddSummary(table, "pre-init gain", "twin", analysis.PreinitGain, analysis.PreinitGain is null ? "" : "plain ÷ pre-initialised");
        foreach (var (category, estimate) in analysis.Categories.OrderBy(c => c.Key == "io" ? 0 : 1).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            AddSummary(table, category == "io" ? "I/O" : category, "category", estimate);
        }

        return table;
    }

    private static void AddSummary(Table table, string name, string kind, Estimate? estimate, string note = "") =>
        table.AddRow([.. Cells(name, kind, estimate, estimate is null ? "n/a" : null), "", "", "", Markup.Escape(note)]);

    /// <summary>
    /// A figure that is an amount, not a ratio: start-up as milliseconds added to native's empty process (native's
    /// lasts under a millisecond, so the ratio runs into the hundreds and goes to the notes) and the memory floor.
    /// </summary>
    private static void AddAmount(Table table, string name, string kind, Estimate? estimate, string unit, bool signed, string note)
    {
        string Amount(double value, bool sign) => value.ToString(sign ? "+0.0;-0.0" : "0.0", CultureInfo.InvariantCulture);
        table.AddRow(
        [
            Markup.Escape(name),
            Markup.Escape(kind),
            estimate is null ? "n/a" : Amount(estimate.Value, signed) + unit,
            estimate is null ? "" : Markup.Escape($"[{Amount(estimate.Lower, false)}, {Amount(estimate.Upper, false)}]"),
            "", "", "", "",
            Markup.Escape(note),
        ]);
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

    private static string Ratio(Estimate? estimate) => estimate is null ? "" : $"{Number(estimate.Value)}×";

    private static string Flags(WorkloadAnalysis workload)
    {
        var flags = new List<string>();
        if (workload.Workload.OptIn)
        {
            flags.Add("opt-in: outside the geomeans");
        }

        if (workload.Outliers > 0)
        {
            flags.Add($"{workload.Outliers} outlier{(workload.Outliers == 1 ? "" : "s")}");
        }

        if (workload.Multimodal == true)
        {
            flags.Add("multimodal");
        }

        if (workload.Ratio is { } ratio && ratio.RelativeHalfWidth > RoundPolicy.DefaultTargetHalfWidth)
        {
            flags.Add(string.Create(CultureInfo.InvariantCulture, $"±{ratio.RelativeHalfWidth * 100:0.#}%"));
        }

        return string.Join(", ", flags);
    }

    private static string? Status(WorkloadAnalysis workload) => workload.Status switch
    {
        WorkloadStatus.Ok => null,
        WorkloadStatus.WrongOutput => "wrong output",
        WorkloadStatus.Failed => "failed",
        WorkloadStatus.NotRun => "not run",
        _ => "too few rounds",
    };

    private static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Duration(double seconds) => seconds < 90
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds:0}s")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min");
}
