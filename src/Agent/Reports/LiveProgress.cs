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
            var lastRound = -1;
            return await work(p =>
            {
                if (p.Round != lastRound && p.Completed < p.Total)
                {
                    lastRound = p.Round;
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
                    task.Description = p.Completed < p.Total
                        ? Markup.Escape($"{RoundLabel(p)}  {p.Workload} × {p.Runtime}")
                        : "done";
                    task.Value = p.Completed;
                });
                task.Value = total;
                return result;
            });
    }

    private static string RoundLabel(MeasurementProgress p) =>
        p.Stage == SampleStage.Warmup ? "warm-up round" : $"round {p.Round}/{p.Rounds}";
}
