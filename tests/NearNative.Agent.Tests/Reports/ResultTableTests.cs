using NearNative.Agent.Reports;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Tests.Reports;

/// <summary>
/// The printed table of a run worked out by hand: six rounds of <c>fib</c> (wasmtime 1.5× native's kernel, twice
/// its memory) and of the empty program (wasmtime adds 11–14 ms to native's 1 ms and peaks at 20–23 MB, native
/// at 1.2 MB). Six values give the sign-test interval [x(1), x(6)] at 96.9%, interpolated to 95% towards [x(2), x(5)]
/// (78.1%): e = 0.01875 / 0.1875 = 0.1, so each bound moves w = 5e / (1 + 4e) = 0.357 of its step inwards.
/// </summary>
public sealed class ResultTableTests
{
    private static readonly WorkloadSpec Fib = new("fib", "compute", "78f91e439db6e29d");
    private static readonly WorkloadSpec Empty = new(WorkloadSpec.ColdStartId, WorkloadManifest.StartupCategory, "0000000000000000");
    private static readonly int[] AddedMs = [11, 12, 12, 13, 13, 14];
    private static readonly int[] FloorMb = [20, 21, 21, 22, 22, 23];

    private static string Report(bool withEmptyProgram = true)
    {
        var samples = Enumerable.Range(1, 6).SelectMany(round => new[]
        {
            Ok(round, Fib, "native", 100_000_000, 120_000_000, 2_000_000),
            Ok(round, Fib, "wasmtime", 150_000_000, 180_000_000, 4_000_000),
            Ok(round, Empty, "native", 0, 1_000_000, 1_200_000),
            Ok(round, Empty, "wasmtime", 0, 1_000_000 + (AddedMs[round - 1] * 1_000_000L), FloorMb[round - 1] * 1_000_000L),
        });
        var document = SampleDocuments.Unsigned() with { Samples = [.. samples.Where(s => withEmptyProgram || s.Workload != Empty.Id)] };

        using var output = new StringWriter();
        ResultTable.Write(output, document, withEmptyProgram ? [Fib, Empty] : [Fib]);
        return output.ToString();
    }

    private static Sample Ok(int round, WorkloadSpec workload, string runtime, long kernelNs, long wallNs, long peakRssBytes) =>
        new(round, workload.Id, runtime, SampleStage.Measured, SampleOutcome.Ok, kernelNs, wallNs, peakRssBytes, workload.ExpectedChecksum);

    /// <summary>The table row whose first cell is <paramref name="name"/>.</summary>
    private static string Row(string report, string name) =>
        Assert.Single(report.Split('\n'), line => line.Split('│') is [_, var first, ..] && first.Trim() == name);

    [Fact]
    public void StartUpLeadsWithTheMillisecondsAddedToNativeAndItsIntervalAndKeepsTheRatioInTheNotes()
    {
        var row = Row(Report(), "start-up");

        Assert.Contains("+12.5 ms", row, StringComparison.Ordinal);
        Assert.Contains("[11.4, 13.6]", row, StringComparison.Ordinal);
        Assert.Contains("13.50× native", row, StringComparison.Ordinal);
        Assert.True(row.IndexOf("+12.5 ms", StringComparison.Ordinal) < row.IndexOf("13.50×", StringComparison.Ordinal));
    }

    [Fact]
    public void TheMemoryFloorIsTheRuntimesEmptyProgramInMegabytesBesideNatives()
    {
        var row = Row(Report(), "memory floor");

        Assert.Contains("21.5 MB", row, StringComparison.Ordinal);
        Assert.Contains("[20.4, 22.6]", row, StringComparison.Ordinal);
        Assert.Contains("native 1.2 MB", row, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMemoryGeomeanIsLabelledAndComputedWithoutTheStartUpWorkloads()
    {
        // With the empty program (about 18× native's memory) in it, the geometric mean would be about 6×.
        var row = Row(Report(), "memory");

        Assert.Contains("geomean", row, StringComparison.Ordinal);
        Assert.Contains("excl. start-up", row, StringComparison.Ordinal);
        Assert.Contains("2.00×", row, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAnEmptyProgramStartUpAndTheFloorAreNotAvailable()
    {
        var report = Report(withEmptyProgram: false);

        Assert.Contains("n/a", Row(report, "start-up"), StringComparison.Ordinal);
        Assert.Contains("n/a", Row(report, "memory floor"), StringComparison.Ordinal);
    }

    [Fact]
    public void SkippedRuntimesAndWorkloadsARuntimeCannotRunGetOneLineEachWithTheReason()
    {
        var document = SampleDocuments.Unsigned() with
        {
            Skipped = [new SkippedRuntime("node", "node is not on PATH"), new SkippedRuntime("jsc", "file I/O", ["filerw", "smallfiles"])],
        };
        using var output = new StringWriter();

        ResultTable.Write(output, document, [new WorkloadSpec("fib", "compute", "78f91e439db6e29d")]);

        var lines = output.ToString().Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("node: skipped (node is not on PATH)", lines);
        Assert.Contains("jsc: filerw, smallfiles not run (file I/O)", lines);
    }
}
