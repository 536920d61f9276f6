using NearNative.Domain.Results;
using NearNative.Domain.Statistics;
using NearNative.Domain.Tests.Results;

namespace NearNative.Domain.Tests.Statistics;

/// <summary>Start-up in milliseconds added to native and the memory floor in MB, from the empty program.</summary>
public sealed class ColdStartFiguresTests
{
    private static readonly RuntimeInfo[] Runtimes = [TestDocuments.Runtime("native"), TestDocuments.Runtime("fast")];
    private static readonly Sample[] Kernels =
        [.. TestDocuments.Native(10).Concat(TestDocuments.Scaled("fast", 10, 1.25)).Where(s => s.Workload != "empty")];

    [Fact]
    public void StartupIsTheMedianPairedDifferenceInMillisecondsWithItsInterval()
    {
        // Native's empty process lasts 0.5 ms; the runtime's 0.5 ms + (round + 1) ms: differences 1, 2, …, 10 ms.
        var fast = Analyze(round => (500_000, 500_000 + ((round + 1) * 1_000_000L), null, null));

        // Median of 1…10 is 5.5. For ten values the sign-test intervals are [x(2), x(9)] at 1 − 2·11/1024 and
        // [x(3), x(8)] at 1 − 2·56/1024; interpolated linearly to 95% (amounts have no log scale), each bound moves
        // w = 8e / (2 + 6e) of a step inwards, e = (0.978515625 − 0.95) / (0.978515625 − 0.890625): w = 0.65766.
        var added = fast.ColdStart.AddedMs!;
        Assert.Equal((5.5, 2.657658, 8.342342, 0.95), (added.Value, Math.Round(added.Lower, 6), Math.Round(added.Upper, 6), added.Confidence));
        Assert.Equal(5.5, fast.StartupOverheadMs!.Value, 9);

        // The ratio stays as the secondary figure: median of (0.5 + r) / 0.5 over r = 1…10 is 12.
        Assert.Equal(12, fast.Startup!.Value, 9);
    }

    [Fact]
    public void TheMemoryFloorIsTheMedianPeakResidentSetOfTheEmptyProgramInMegabytes()
    {
        // The runtime peaks at 9, 10, …, 18 MB (median 13.5); native at 1.2 MB every time.
        var fast = Analyze(round => (500_000, 1_500_000, 1_200_000, (round + 9) * 1_000_000L));

        // The same interpolation as above between x(2) = 10 and x(3) = 11, and x(9) = 17 and x(8) = 16.
        var floor = fast.ColdStart.FloorMb!;
        Assert.Equal((13.5, 10.657658, 16.342342), (floor.Value, Math.Round(floor.Lower, 6), Math.Round(floor.Upper, 6)));
        Assert.Equal(1.2, fast.ColdStart.NativeFloorMb!.Value, 12);
    }

    [Fact]
    public void TheMemoryRatioLeavesTheStartupWorkloadsOut()
    {
        // 2× native on fib and interp, but 20× on the empty program (1 MB against 20 MB): the ratio is 2, not (2·2·20)^⅓.
        var samples = Kernels
            .Select(s => s with { PeakRssBytes = s.Runtime == RuntimeInfo.NativeId ? 10_000_000 : 20_000_000 })
            .Concat(EmptyProgram(round => (500_000, 1_500_000, 1_000_000, 20_000_000)));

        var fast = RunAnalysis.Analyze(TestDocuments.With(Runtimes, samples), TestDocuments.Workloads).Single();

        Assert.Equal(2, fast.Memory!.Value, 9);
        Assert.Equal(20, fast.ColdStart.FloorMb!.Value, 9);
    }

    [Fact]
    public void AWrongAnswerOnTheEmptyProgramGivesNeitherStartupNorFloor()
    {
        var samples = Kernels.Concat(EmptyProgram(round => (500_000, 1_500_000, 1_000_000, 9_000_000))
            .Select(s => s.Runtime == "fast" ? s with { Checksum = "00000000deadbeef" } : s));

        var fast = RunAnalysis.Analyze(TestDocuments.With(Runtimes, samples), TestDocuments.Workloads).Single();

        Assert.Equal(ColdStartFigures.None, fast.ColdStart);
    }

    [Fact]
    public void WithoutPeakMemoryThereIsNoFloorButStillAStartup()
    {
        var fast = Analyze(round => (500_000, 2_500_000, null, null));

        Assert.Equal(2, fast.ColdStart.AddedMs!.Value, 9);
        Assert.Equal((null, null), (fast.ColdStart.FloorMb, fast.ColdStart.NativeFloorMb));
    }

    private static RuntimeAnalysis Analyze(Func<int, (long NativeWall, long RuntimeWall, long? NativeRss, long? RuntimeRss)> empty) =>
        RunAnalysis.Analyze(TestDocuments.With(Runtimes, Kernels.Concat(EmptyProgram(empty))), TestDocuments.Workloads).Single();

    private static IEnumerable<Sample> EmptyProgram(Func<int, (long NativeWall, long RuntimeWall, long? NativeRss, long? RuntimeRss)> figures)
    {
        var workload = TestDocuments.Workloads.Single(w => w.IsColdStart);
        for (var round = 0; round < 10; round++)
        {
            var (nativeWall, runtimeWall, nativeRss, runtimeRss) = figures(round);
            yield return TestDocuments.Ok(round, workload, RuntimeInfo.NativeId, 0, nativeWall) with { PeakRssBytes = nativeRss };
            yield return TestDocuments.Ok(round, workload, "fast", 0, runtimeWall) with { PeakRssBytes = runtimeRss };
        }
    }
}
