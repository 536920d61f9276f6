using NearNative.Agent.Measurement;
using NearNative.Domain.Results;
using Spectre.Console;

namespace NearNative.Agent.Reports;

/// <summary>
/// Shows where the run is on stderr, so stdout stays clean for <c>--json</c>: a live bar on a terminal,
/// one plain line per round when stderr goes to a log.
/// </summary>
public static class LiveProgress
{
    public static async Task<MeasurementResult> TrackAsync(
        TextWriter error,
        int total,
        Func<Action<MeasurementProgress>, Task<MeasurementResult>> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        if (!console.Profile.Capabilities.Interactive)
        {
            var lastRound = (Phase: "", Round: -1);
            return await work(p =>
            {
                if ((p.Phase, p.Round) != lastRound && p.Workload.Length > 0)
                {
                    lastRound = (p.Phase, p.Round);
                    error.WriteLine($"{RoundLabel(p)} ({p.Completed}/{p.Total} processes)");
                }
            });
        }

        return await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("starting", maxValue: total);
                var result = await work(p =>
                {
                    task.Description = p.Workload.Length > 0
                        ? Markup.Escape($"{RoundLabel(p)}  {p.Workload} × {p.Runtime}")
                        : "done";
                    task.MaxValue = Math.Max(p.Total, 1);
                    task.Value = p.Completed;
                });
                task.Value = task.MaxValue;
                return result;
            });
    }

    private static string RoundLabel(MeasurementProgress p)
    {
        var phase = p.Phase == RoundNoise.ColdStartPhase ? "cold start " : "";
        return p.Stage == SampleStage.Warmup ? $"{phase}warm-up round" : $"{phase}round {p.Round}/{p.Rounds}";
    }
}
