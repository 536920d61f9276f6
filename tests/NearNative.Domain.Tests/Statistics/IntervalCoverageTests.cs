using System.Globalization;
using NearNative.Domain.Results;
using NearNative.Domain.Statistics;
using NearNative.Domain.Suite;
using NearNative.Domain.Tests.Results;
using Xunit.Abstractions;

namespace NearNative.Domain.Tests.Statistics;

/// <summary>
/// Do the 95% intervals cover the truth 95% of the time on a machine as noisy as ours? Many seeded runs of
/// 13 workloads with known ratios, 10–12 rounds each, scheduled as the agent schedules them (workloads
/// shuffled, native and runtime back to back in a shuffled order) on a <see cref="SlowSpellMachine"/>, each
/// scored by <see cref="RunAnalysis"/> exactly as the agent and the server score a real document.
/// </summary>
public sealed class IntervalCoverageTests(ITestOutputHelper output)
{
    private const int Runs = 1200;
    private const string Checksum = "00000000000000c5";
    private const double NativeKernelNs = 4e8;
    private const double ProcessOverheadNs = 2e7;

    /// <summary>From a runtime faster than native to an interpreter-like 3×, as real rows spread.</summary>
    private static readonly double[] TrueRatios = [0.92, 1.0, 1.04, 1.1, 1.15, 1.2, 1.3, 1.45, 1.6, 1.8, 2.1, 2.5, 3.0];

    private static readonly RuntimeInfo[] Runtimes = [TestDocuments.Runtime(RuntimeInfo.NativeId), TestDocuments.Runtime("wasm")];

    private static readonly WorkloadSpec[] Workloads =
        [.. TrueRatios.Select((_, i) => new WorkloadSpec($"w{i:00}", "compute", Checksum))];

    [Fact]
    public void OnAMachineWithSlowSpellsNinetyFivePercentIntervalsCoverTheTruthNinetyFivePercentOfTheTime()
    {
        var coverage = Simulate("machine with slow spells", new SlowSpellMachine(new SplitMix64(0x5EED_C0FE_2026UL)));

        // The model must look like the VM it stands for before its verdict means anything.
        Assert.InRange(coverage.Lag1, 0.3, 0.5);
        Assert.InRange(coverage.Lag5, 0.08, 0.2);
        Assert.InRange(coverage.PerWorkload, 0.93, 0.97);
        Assert.InRange(coverage.GeometricMean, 0.93, 0.97);
    }

    [Fact]
    public void OnAQuietMachineNinetyFivePercentIntervalsCoverTheTruthNinetyFivePercentOfTheTime()
    {
        var coverage = Simulate("quiet machine", new SlowSpellMachine(new SplitMix64(0x5EED_C0FE_2027UL), noiseSigma: 0.02, enterSpell: 0));

        Assert.InRange(coverage.Lag1, -0.05, 0.05);
        Assert.InRange(coverage.PerWorkload, 0.93, 0.97);
        Assert.InRange(coverage.GeometricMean, 0.93, 0.97);
    }

    private (double PerWorkload, double GeometricMean, double Lag1, double Lag5) Simulate(string name, SlowSpellMachine machine)
    {
        var truth = GeometricMean.Of(TrueRatios);
        var workloadHits = new Dictionary<int, (int Covered, int Total)>();
        var meanHits = new Dictionary<int, (int Covered, int Total)>();
        var noise = new List<double>();
        var pairedLogs = new List<double>();

        for (var run = 0; run < Runs; run++)
        {
            var rounds = 10 + (run % 3);
            var samples = RunOnce(machine, rounds, noise);
            var analysis = RunAnalysis.Analyze(TestDocuments.With(Runtimes, samples), Workloads).Single();

            for (var w = 0; w < Workloads.Length; w++)
            {
                var ratio = analysis.Workloads[w].Ratio!;
                Tally(workloadHits, rounds, ratio.Lower <= TrueRatios[w] && TrueRatios[w] <= ratio.Upper);
                pairedLogs.AddRange(analysis.Workloads[w].Ratios.Select(r => Math.Log(r / TrueRatios[w])));
            }

            Tally(meanHits, rounds, analysis.Execution!.Lower <= truth && truth <= analysis.Execution.Upper);
        }

        var (lag1, lag5) = (Autocorrelation(noise, 1), Autocorrelation(noise, 5));
        Report("{0}, {1} runs of {2} workloads:", name, Runs, Workloads.Length);
        Report("noise: log-time autocorrelation {0:0.00} one process apart, {1:0.00} five, {2:0.00} forty; SD of log time {3:0.000}, of log paired ratio {4:0.000}",
            lag1, lag5, Autocorrelation(noise, 40), StandardDeviation(noise), StandardDeviation(pairedLogs));
        foreach (var rounds in workloadHits.Keys.Order())
        {
            Report("{0} rounds: per-workload coverage {1:0.0%} of {2}; geometric-mean coverage {3:0.0%} of {4}",
                rounds, Share(workloadHits[rounds]), workloadHits[rounds].Total, Share(meanHits[rounds]), meanHits[rounds].Total);
        }

        var perWorkload = Share(Sum(workloadHits));
        var geometricMean = Share(Sum(meanHits));
        Report("all runs: per-workload coverage {0:0.0%}; geometric-mean coverage {1:0.0%}", perWorkload, geometricMean);
        return (perWorkload, geometricMean, lag1, lag5);
    }

    /// <summary>One run's measured samples; the log of each process's time over its ideal goes to <paramref name="noise"/> in running order.</summary>
    private static List<Sample> RunOnce(SlowSpellMachine machine, int rounds, List<double> noise)
    {
        var samples = new List<Sample>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var w in Shuffled(Enumerable.Range(0, Workloads.Length), machine.Random))
            {
                foreach (var runtime in Shuffled([RuntimeInfo.NativeId, "wasm"], machine.Random))
                {
                    var ideal = NativeKernelNs * (runtime == RuntimeInfo.NativeId ? 1 : TrueRatios[w]);
                    var kernel = machine.Next(ideal);
                    noise.Add(Math.Log(kernel / ideal));
                    samples.Add(new Sample(round, Workloads[w].Id, runtime, SampleStage.Measured, SampleOutcome.Ok,
                        (long)kernel, (long)(kernel + ProcessOverheadNs), null, Checksum));
                }
            }
        }

        return samples;
    }

    private static T[] Shuffled<T>(IEnumerable<T> items, SplitMix64 random)
    {
        var array = items.ToArray();
        for (var i = array.Length - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (array[i], array[j]) = (array[j], array[i]);
        }

        return array;
    }

    private static void Tally(Dictionary<int, (int Covered, int Total)> hits, int rounds, bool covered)
    {
        var (c, t) = hits.GetValueOrDefault(rounds);
        hits[rounds] = (c + (covered ? 1 : 0), t + 1);
    }

    private static (int Covered, int Total) Sum(Dictionary<int, (int Covered, int Total)> hits) =>
        (hits.Values.Sum(h => h.Covered), hits.Values.Sum(h => h.Total));

    private static double Share((int Covered, int Total) hits) => (double)hits.Covered / hits.Total;

    private static double StandardDeviation(List<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    private static double Autocorrelation(List<double> values, int lag)
    {
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean));
        var covariance = 0.0;
        for (var i = lag; i < values.Count; i++)
        {
            covariance += (values[i] - mean) * (values[i - lag] - mean);
        }

        return covariance / variance;
    }

    private void Report(string format, params object[] args) =>
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, format, args));
}
