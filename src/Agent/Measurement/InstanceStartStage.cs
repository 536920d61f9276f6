using System.Diagnostics;
using System.Globalization;
using NearNative.Agent.Native;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Suite;
using NearNative.Domain.Results;
using NearNative.Domain.Statistics;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Measurement;

/// <summary>
/// Instance start in a running host, after the rounds: per runtime that offers it, one host process starts many
/// instances of the suite's empty module one after another, then keeps many alive at once; for scale, the native empty
/// program is started as many times by fork and exec, by posix_spawn and in fresh namespaces (<see cref="NnSpawn"/>).
/// Every process goes through the same launcher as the samples (pinned core, lowest priority, memory cap).
/// A failure or time-out is recorded with its reason rather than dropped.
/// </summary>
public sealed class InstanceStartStage(MeasuredLauncher launcher, NnSpawn? spawn, InstanceStartCounts counts)
{
    /// <summary>What the rounds leave for this stage: a few seconds per measurement is plenty (each takes about one).</summary>
    private static readonly TimeSpan ReservePerMeasurement = TimeSpan.FromSeconds(1.5);

    /// <summary>One host is never given longer than this, whatever the budget: a thousand empty instances take a second.</summary>
    private static readonly TimeSpan MaxPerMeasurement = TimeSpan.FromSeconds(60);

    /// <summary>The part of the budget kept back from the rounds for this stage: never more than a tenth of it.</summary>
    public static TimeSpan Reserve(TimeSpan budget, int runtimes) =>
        TimeSpan.FromTicks(Math.Min(ReservePerMeasurement.Ticks * (runtimes + InstanceStart.NativeMethods.Count), budget.Ticks / 10));

    /// <param name="budget">Time left for the stage; no host starts once it is gone.</param>
    /// <param name="notice">One line per measurement, so the user sees the stage move.</param>
    public async Task<IReadOnlyList<InstanceStart>> RunAsync(
        LoadedSuite suite,
        string size,
        IReadOnlyList<IRuntime> runtimes,
        TimeSpan budget,
        Action<string> notice,
        CancellationToken cancellationToken)
    {
        var empty = suite.Manifest.Workloads.FirstOrDefault(w => w.Id == WorkloadSpec.ColdStartId);
        if (empty is null || !empty.Sizes.TryGetValue(size, out var arguments))
        {
            return [];
        }

        var measurements = new List<(string Runtime, string Method, ProcessStartInfo? StartInfo, string? Unavailable)>();
        foreach (var runtime in runtimes.Where(r => !r.IsNative))
        {
            var invocation = new InstanceStartInvocation(suite.ArtifactPath(empty, runtime.ArtifactKind), arguments, counts.Warmup, counts.Count, counts.Live);
            if (runtime.CreateInstanceStartInfo(invocation) is { } startInfo)
            {
                measurements.Add((runtime.Id, InstanceStart.InHost, startInfo, null));
            }
        }

        var program = suite.ArtifactPath(empty, LoadedSuite.NativeArtifact);
        foreach (var method in InstanceStart.NativeMethods)
        {
            measurements.Add(spawn is null
                ? (RuntimeInfo.NativeId, method, null, $"{NnSpawn.FileName} is missing next to the agent or not the expected build")
                : (RuntimeInfo.NativeId, method, new ProcessStartInfo(spawn.Path, NnSpawn.Arguments(method, counts.Warmup, counts.Count, program, arguments)), null));
        }

        var clock = Stopwatch.StartNew();
        var results = new List<InstanceStart>();
        foreach (var (runtime, method, startInfo, unavailable) in measurements)
        {
            var left = budget - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                notice($"instance start: the time budget ran out before {runtime} {method}");
                break;
            }

            if (startInfo is not null)
            {
                startInfo.WorkingDirectory = suite.Directory;
            }

            var (result, detail) = startInfo is null
                ? (InstanceStart.Unavailable(runtime, method, unavailable!), null)
                : await MeasureAsync(runtime, method, startInfo, left < MaxPerMeasurement ? left : MaxPerMeasurement, cancellationToken);
            results.Add(result);
            notice($"instance start: {runtime} {method}: {Summary(result)}" + (detail is null ? "" : $" ({detail})"));
        }

        return results;
    }

    /// <returns>
    /// The measurement, or the failure with a reason fit for the document (which never carries a host's own words: they
    /// may name paths), and those words apart for the user.
    /// </returns>
    private async Task<(InstanceStart Result, string? Detail)> MeasureAsync(
        string runtime, string method, ProcessStartInfo startInfo, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = await launcher.RunAsync(startInfo, timeout, cancellationToken);
        if (result.TimedOut || result.ExitCode != 0)
        {
            var reason = result.TimedOut ? "timed out"
                : result.MemoryCapExceeded ? "killed: resident memory above the cap"
                : result.ExitCode is { } code ? $"exit code {code.ToString(CultureInfo.InvariantCulture)}"
                : "killed";
            return (InstanceStart.Unavailable(runtime, method, "failed: " + reason), result.StderrTail.Trim().Split('\n')[^1]);
        }

        var measurement = InstanceStartOutput.Parse(result.Stdout, runtime, method, out var problem);
        return (measurement ?? InstanceStart.Unavailable(runtime, method, "failed: " + problem), null);
    }

    private static string Summary(InstanceStart measurement) => InstanceStartFigures.Of(measurement) is { } figures
        ? string.Create(CultureInfo.InvariantCulture, $"median {figures.MedianUs.Value:0.0} µs, p99 {figures.P99Us:0.0} µs")
            + (figures.KbPerLiveInstance is { } kb ? string.Create(CultureInfo.InvariantCulture, $", {kb:0.0} KB per live instance") : "")
        : measurement.UnavailableReason ?? "too few starts";
}

/// <summary>How many instances each host starts: warm-up, timed, then kept alive at once.</summary>
public sealed record InstanceStartCounts(int Warmup, int Count, int Live)
{
    public static InstanceStartCounts Full { get; } = new(20, 1000, 1000);

    public static InstanceStartCounts Quick { get; } = new(20, 200, 200);
}
