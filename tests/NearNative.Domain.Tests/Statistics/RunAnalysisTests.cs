using NearNative.Domain.Results;
using NearNative.Domain.Statistics;
using NearNative.Domain.Suite;
using NearNative.Domain.Tests.Results;

namespace NearNative.Domain.Tests.Statistics;

public sealed class RunAnalysisTests
{
    private static readonly RuntimeInfo[] Runtimes = [TestDocuments.Runtime("native"), TestDocuments.Runtime("fast"), TestDocuments.Runtime("slow")];

    [Fact]
    public void RatiosArePairedPerRoundAndCombinedByGeometricMean()
    {
        var document = TestDocuments.With(Runtimes,
            TestDocuments.Native(10).Concat(TestDocuments.Scaled("fast", 10, 1.25)).Concat(TestDocuments.Scaled("slow", 10, 2)));

        var analysis = RunAnalysis.Analyze(document, TestDocuments.Workloads);

        Assert.Equal(["fast", "slow"], analysis.Select(a => a.Runtime.Id));
        var slow = analysis.Single(a => a.Runtime.Id == "slow");
        Assert.All(slow.Workloads, w => Assert.Equal(WorkloadStatus.Ok, w.Status));
        Assert.Equal(2, slow.Execution!.Value, 9);
        Assert.Equal(2, slow.Execution.Lower, 9);
        Assert.Equal(2, slow.Execution.Upper, 9);
        Assert.Equal(2, slow.Categories["compute"]!.Value, 9);
        Assert.Equal(2, slow.Startup!.Value, 9);
        Assert.Equal(120, slow.StartupOverheadMs!.Value, 6);
        Assert.Equal(1.25, analysis.Single(a => a.Runtime.Id == "fast").Execution!.Value, 9);
    }

    [Fact]
    public void ExecutionExcludesStartupWorkloads()
    {
        // fib is 1.5x, interp 6x (geometric mean 3); the empty program is 10x and must not count.
        var fib = TestDocuments.Workloads[0];
        var interp = TestDocuments.Workloads[1];
        var empty = TestDocuments.Workloads[2];
        var samples = TestDocuments.Native(10).ToList();
        for (var round = 0; round < 10; round++)
        {
            samples.Add(TestDocuments.Ok(round, fib, "fast", 150_000_000, 1));
            samples.Add(TestDocuments.Ok(round, interp, "fast", 600_000_000, 1));
            samples.Add(TestDocuments.Ok(round, empty, "fast", 0, 1_200_000_000));
        }

        var fast = RunAnalysis.Analyze(TestDocuments.With(Runtimes[..2], samples), TestDocuments.Workloads).Single();

        Assert.Equal(3, fast.Execution!.Value, 9);
        Assert.Equal(10, fast.Startup!.Value, 9);
    }

    [Fact]
    public void ColdStartIsTheEmptyProgramAloneNotEveryStartupWorkload()
    {
        // A heavy-initialisation program is in the start-up category too, but 3x slower; cold start stays 2x.
        var inittable = new WorkloadSpec("inittable", "startup", "00000000000000c3");
        IReadOnlyList<WorkloadSpec> workloads = [.. TestDocuments.Workloads, inittable];
        var samples = TestDocuments.Native(10).Concat(TestDocuments.Scaled("fast", 10, 2)).ToList();
        for (var round = 0; round < 10; round++)
        {
            samples.Add(TestDocuments.Ok(round, inittable, "native", 0, 100_000_000));
            samples.Add(TestDocuments.Ok(round, inittable, "fast", 0, 300_000_000));
        }

        var fast = RunAnalysis.Analyze(TestDocuments.With(Runtimes[..2], samples), workloads).Single();

        Assert.Equal(2, fast.Startup!.Value, 9);
        Assert.Equal(3, fast.Workloads.Single(w => w.Workload.Id == "inittable").Ratio!.Value, 9);
        Assert.Equal(2, fast.Execution!.Value, 9);
    }

    [Fact]
    public void ProcessAndMemoryRatiosArePairedLikeKernelRatios()
    {
        // Kernel 1.25x, but the whole process 2x (start-up cost) and peak memory 3x.
        var samples = TestDocuments.Native(10).Select(s => s with { PeakRssBytes = 10_000_000 })
            .Concat(TestDocuments.Scaled("fast", 10, 1.25).Select(s => s with { WallNs = s.WallNs * 2 * 4 / 5, PeakRssBytes = 30_000_000 }));

        var fast = RunAnalysis.Analyze(TestDocuments.With(Runtimes[..2], samples), TestDocuments.Workloads).Single();

        Assert.Equal(1.25, fast.Execution!.Value, 9);
        Assert.Equal(2, fast.Process!.Value, 9);
        Assert.Equal(3, fast.Memory!.Value, 9);
    }

    [Fact]
    public void WithoutMemoryFiguresThereIsNoMemoryRatio()
    {
        var document = TestDocuments.With(Runtimes[..2], TestDocuments.Native(10).Concat(TestDocuments.Scaled("fast", 10, 1.25)));

        var fast = RunAnalysis.Analyze(document, TestDocuments.Workloads).Single();

        Assert.Null(fast.Memory);
        Assert.All(fast.Workloads, w => Assert.Null(w.Memory));
    }

    [Fact]
    public void PreinitialisedTwinPairsWithTheNativePlainModuleAndGivesTheGain()
    {
        // inittable: native 100 ms, runtime 300 ms; its pre-initialised twin 150 ms: gain 2x, twin ratio 1.5x.
        var inittable = new WorkloadSpec("inittable", "startup", "00000000000000c3");
        var twin = new WorkloadSpec("inittable.preinit", "startup", "00000000000000c3") { BaselineId = "inittable" };
        IReadOnlyList<WorkloadSpec> workloads = [.. TestDocuments.Workloads, inittable, twin];
        var samples = TestDocuments.Native(10).Concat(TestDocuments.Scaled("fast", 10, 1.25)).ToList();
        for (var round = 0; round < 10; round++)
        {
            samples.Add(TestDocuments.Ok(round, inittable, "native", 0, 100_000_000));
            samples.Add(TestDocuments.Ok(round, inittable, "fast", 0, 300_000_000));
            samples.Add(TestDocuments.Ok(round, twin, "fast", 0, 150_000_000));
        }

        var fast = RunAnalysis.Analyze(TestDocuments.With(Runtimes[..2], samples), workloads).Single();

        Assert.Equal(2, fast.PreinitGain!.Value, 9);
        Assert.Equal(1.5, fast.Workloads.Single(w => w.Workload.Id == "inittable.preinit").Ratio!.Value, 9);
        Assert.Equal(1.25, fast.Execution!.Value, 9);
    }

    [Fact]
    public void AWorkloadTheRuntimeNeverRanIsNotRunAndBlocksTheOverallFigure()
    {
        var samples = TestDocuments.Native(10).Concat(TestDocuments.Scaled("fast", 10, 1.25).Where(s => s.Workload != "interp"));

        var fast = RunAnalysis.Analyze(TestDocuments.With(Runtimes[..2], samples), TestDocuments.Workloads).Single();

        Assert.Equal(WorkloadStatus.NotRun, fast.Workloads.Single(w => w.Workload.Id == "interp").Status);
        Assert.Null(fast.Execution);
    }

    [Fact]
    public void AnOptInWorkloadHasItsOwnRatioButStaysOutOfTheOverallAndCategoryFigures()
    {
        // interp is 6x here and fib 1.5x: were the opt-in interp averaged in, the overall figure would be 3x.
        IReadOnlyList<WorkloadSpec> workloads = [.. TestDocuments.Workloads.Select(w => w.Id == "interp" ? w with { OptIn = true } : w)];
        var samples = TestDocuments.Native(10).Concat(TestDocuments.Scaled("fast", 10, 1.5))
            .Select(s => s.Runtime == "fast" && s.Workload == "interp" ? s with { KernelNs = s.KernelNs * 4 } : s);

        var fast = RunAnalysis.Analyze(TestDocuments.With(Runtimes[..2], samples), workloads).Single();

        Assert.Equal(6, fast.Workloads.Single(w => w.Workload.Id == "interp").Ratio!.Value, 9);
        Assert.Equal(1.5, fast.Execution!.Value, 9);
        Assert.DoesNotContain("branchy", fast.Categories.Keys);
    }

    [Fact]
    public void AnOptInWorkloadLeftOutOfTheRunDoesNotBlockTheOverallFigure()
    {
        IReadOnlyList<WorkloadSpec> workloads = [.. TestDocuments.Workloads.Select(w => w.Id == "interp" ? w with { OptIn = true } : w)];
        var samples = TestDocuments.Native(10).Concat(TestDocuments.Scaled("fast", 10, 1.25)).Where(s => s.Workload != "interp");

        var fast = RunAnalysis.Analyze(TestDocuments.With(Runtimes[..2], samples), workloads).Single();

        Assert.Equal(WorkloadStatus.NotRun, fast.Workloads.Single(w => w.Workload.Id == "interp").Status);
        Assert.Equal(1.25, fast.Execution!.Value, 9);
    }

    [Fact]
    public void AnOutlyingRoundIsCountedButKeptInTheMedian()
    {
        var samples = TestDocuments.Native(10).Concat(TestDocuments.Scaled("fast", 10, 1.25))
            .Select(s => s.Runtime == "fast" && s.Workload == "fib" && s.Round == 7 ? s with { KernelNs = s.KernelNs * 4 } : s)
            .Select(s => s.Runtime == "fast" && s.Workload == "fib" && s.Round < 5 ? s with { KernelNs = s.KernelNs + 1_000_000 } : s);

        var fib = RunAnalysis.Analyze(TestDocuments.With(Runtimes[..2], samples), TestDocuments.Workloads).Single()
            .Workloads.Single(w => w.Workload.Id == "fib");

        Assert.Equal(1, fib.Outliers);
        Assert.Equal(10, fib.Ratios.Count);
        Assert.Contains(5.0, fib.Ratios);
    }

    [Fact]
    public void WrongChecksumGivesNoRatioForThatWorkloadAndNoOverallFigure() =>
        AssertOnlyThatWorkloadIsRefused("interp", TestDocuments.Native(10).Concat(TestDocuments.Scaled("fast", 10, 1.25))
            .Select(s => s.Runtime == "fast" && s.Workload == "interp" && s.Round == 3 ? s with { Checksum = "ffffffffffffffff" } : s));

    [Fact]
    public void AgentClaimsOfSuccessAreNotTrusted()
    {
        // The agent says "ok", but the printed checksum differs from the manifest's.
        var samples = TestDocuments.Native(10).Concat(TestDocuments.Scaled("fast", 10, 1.25))
            .Select(s => s.Runtime == "fast" && s.Workload == "fib" ? s with { Checksum = "0000000000000bad" } : s);

        var fast = RunAnalysis.Analyze(TestDocuments.With(Runtimes[..2], samples), TestDocuments.Workloads).Single();

        Assert.Equal(WorkloadStatus.WrongOutput, fast.Workloads.Single(w => w.Workload.Id == "fib").Status);
    }

    [Fact]
    public void AWrongChecksumInAWarmupSampleRefusesThatRuntimesRatio() =>
        // Ten measured rounds at exactly 1.25x, all right; only fib's warm-up printed a wrong answer.
        AssertOnlyThatWorkloadIsRefused("fib", TestDocuments.Native(10).Concat(TestDocuments.Scaled("fast", 10, 1.25))
            .Append(new Sample(99, "fib", "fast", SampleStage.Warmup, SampleOutcome.Ok, 125_000_000, 150_000_000, null, "0000000000000bad")));

    [Fact]
    public void AWarmupTheAgentMarkedAsAChecksumMismatchRefusesTheRatioEvenWithTheRightChecksum()
    {
        var warmup = new Sample(99, "interp", "fast", SampleStage.Warmup, SampleOutcome.ChecksumMismatch, 125_000_000, 150_000_000, null, "00000000000000a2");
        var samples = TestDocuments.Native(10).Concat(TestDocuments.Scaled("fast", 10, 1.25)).Append(warmup);

        var fast = RunAnalysis.Analyze(TestDocuments.With(Runtimes[..2], samples), TestDocuments.Workloads).Single();

        Assert.Equal(WorkloadStatus.WrongOutput, fast.Workloads.Single(w => w.Workload.Id == "interp").Status);
    }

    [Fact]
    public void AWrongWarmupOfOneRuntimeLeavesTheOthersRatios()
    {
        var warmup = new Sample(99, "fib", "slow", SampleStage.Warmup, SampleOutcome.Ok, 200_000_000, 240_000_000, null, "0000000000000bad");
        var samples = TestDocuments.Native(10).Concat(TestDocuments.Scaled("fast", 10, 1.25)).Concat(TestDocuments.Scaled("slow", 10, 2)).Append(warmup);

        var analysis = RunAnalysis.Analyze(TestDocuments.With(Runtimes, samples), TestDocuments.Workloads);

        Assert.Equal(1.25, analysis.Single(a => a.Runtime.Id == "fast").Execution!.Value, 9);
        Assert.Equal(WorkloadStatus.WrongOutput, analysis.Single(a => a.Runtime.Id == "slow").Workloads.Single(w => w.Workload.Id == "fib").Status);
    }

    [Fact]
    public void AWrongWarmupIsShownEvenWhenNoRoundWasMeasured()
    {
        var warmup = new Sample(0, "fib", "fast", SampleStage.Warmup, SampleOutcome.ChecksumMismatch, 125_000_000, 150_000_000, null, "0000000000000bad");
        var samples = TestDocuments.Native(10).Concat(TestDocuments.Scaled("fast", 10, 1.25).Where(s => s.Workload != "fib")).Append(warmup);

        var fast = RunAnalysis.Analyze(TestDocuments.With(Runtimes[..2], samples), TestDocuments.Workloads).Single();

        Assert.Equal(WorkloadStatus.WrongOutput, fast.Workloads.Single(w => w.Workload.Id == "fib").Status);
    }

    [Fact]
    public void CrashedSamplesMarkTheWorkloadFailed()
    {
        var samples = TestDocuments.Native(10).Concat(TestDocuments.Scaled("fast", 10, 1.25))
            .Select(s => s.Runtime == "fast" && s.Workload == "fib" && s.Round == 0
                ? s with { Outcome = SampleOutcome.TimedOut, KernelNs = null, Checksum = null }
                : s);

        var fast = RunAnalysis.Analyze(TestDocuments.With(Runtimes[..2], samples), TestDocuments.Workloads).Single();

        Assert.Equal(WorkloadStatus.Failed, fast.Workloads.Single(w => w.Workload.Id == "fib").Status);
        Assert.Null(fast.Execution);
    }

    [Fact]
    public void TooFewPairedRoundsGiveNoRatio()
    {
        var document = TestDocuments.With(Runtimes[..2], TestDocuments.Native(2).Concat(TestDocuments.Scaled("fast", 2, 1.25)));

        var fast = RunAnalysis.Analyze(document, TestDocuments.Workloads).Single();

        Assert.All(fast.Workloads, w => Assert.Equal(WorkloadStatus.InsufficientData, w.Status));
    }

    [Fact]
    public void WarmupSamplesAreKeptButNotScored()
    {
        var warmup = TestDocuments.Scaled("fast", 1, 50).Select(s => s with { Stage = SampleStage.Warmup, Round = 99 });
        var nativeWarmup = TestDocuments.Native(1).Select(s => s with { Stage = SampleStage.Warmup, Round = 99 });
        var document = TestDocuments.With(Runtimes[..2],
            TestDocuments.Native(10).Concat(TestDocuments.Scaled("fast", 10, 1.25)).Concat(warmup).Concat(nativeWarmup));

        var fast = RunAnalysis.Analyze(document, TestDocuments.Workloads).Single();

        Assert.Equal(1.25, fast.Execution!.Value, 9);
        Assert.All(fast.Workloads, w => Assert.Equal(10, w.Ratios.Count));
    }

    [Fact]
    public void UnpairedRoundsAreLeftOut()
    {
        var samples = TestDocuments.Native(10).Where(s => s.Round != 4).Concat(TestDocuments.Scaled("fast", 10, 1.25));

        var fast = RunAnalysis.Analyze(TestDocuments.With(Runtimes[..2], samples), TestDocuments.Workloads).Single();

        Assert.All(fast.Workloads, w => Assert.Equal(9, w.Ratios.Count));
    }

    /// <summary>The workload has one wrong output and no ratio, so there is no overall figure; every other workload keeps its 1.25x.</summary>
    private static void AssertOnlyThatWorkloadIsRefused(string workload, IEnumerable<Sample> samples)
    {
        var fast = RunAnalysis.Analyze(TestDocuments.With(Runtimes[..2], samples), TestDocuments.Workloads).Single();

        var refused = fast.Workloads.Single(w => w.Workload.Id == workload);
        Assert.Equal(WorkloadStatus.WrongOutput, refused.Status);
        Assert.Equal(1, refused.WrongOutputs);
        Assert.Null(refused.Ratio);
        Assert.Null(fast.Execution);
        Assert.All(fast.Workloads.Where(w => w.Workload.Id != workload), w => Assert.Equal(1.25, w.Ratio!.Value, 9));
    }
}
