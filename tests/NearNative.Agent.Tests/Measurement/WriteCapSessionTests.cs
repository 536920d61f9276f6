using System.Diagnostics;
using NearNative.Agent.Files;
using NearNative.Agent.Machine;
using NearNative.Agent.Measurement;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Suite;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Tests.Measurement;

/// <summary>The session keeps a write-capped unit to its own most rounds: real native processes of the quick I/O workloads.</summary>
public sealed class WriteCapSessionTests : IDisposable
{
    private readonly TempDirectory _work = new();

    public void Dispose() => _work.Dispose();

    [Theory]
    [InlineData(4, 4, 2)]
    [InlineData(2, 5, 3)]
    public async Task ACappedWorkloadStopsAtItsOwnMostRoundsWhileTheOthersGoOn(int minimum, int maximum, int limit)
    {
        var suite = SuiteVerifier.Load(TestSuite.Directory);
        IRuntime[] runtimes = [new NativeRuntime(), new NativeTwin()];
        var units = MeasurementPlans.SuiteUnits(suite, SuiteManifest.QuickSize, runtimes).Workloads
            .Where(u => u.Id is "filerw" or "smallfiles")
            .Select(u => u.Id == "smallfiles" ? u with { MaxMeasuredRounds = limit } : u)
            .ToList();
        // No interval is ever narrower than -1: every unit stays unsettled, so only the round limits end the rounds.
        var policy = new RoundPolicy(minimum, maximum, ColdStart: 0, TargetHalfWidth: -1);
        using var scratch = ScratchRoot.Create(_work.Path);
        var plan = new MeasurementPlan(runtimes, [], units, policy, TimeSpan.FromHours(1), 1, TimeSpan.FromMinutes(1), scratch.Path, suite.Directory);
        var launcher = TestLauncher.Create(_work.Path, scratch.TempPath);

        var result = await MeasurementSession.RunAsync(plan, launcher, NoiseMonitor.Start(Environment.ProcessorCount), _ => { }, CancellationToken.None);

        Assert.Empty(result.Failures);
        Assert.Equal((limit, maximum), (result.WorkloadRounds["smallfiles"], result.WorkloadRounds["filerw"]));
        Assert.Equal(limit, result.Samples.Where(s => s.Workload == "smallfiles").Max(s => s.Round));
        Assert.Equal(RunInfo.StoppedMaxRounds, result.StoppedBy);
        Assert.Equal(plan.MinimumProcesses, (2 * (minimum + 1)) + (2 * (Math.Min(minimum, limit) + 1)));
    }

    /// <summary>A second runtime that runs the native build, so every unit has a ratio to settle.</summary>
    private sealed class NativeTwin : IRuntime
    {
        public string Id => "native-twin";

        public string ArtifactKind => LoadedSuite.NativeArtifact;

        public Task<RuntimeProbe> ProbeAsync(LoadedSuite suite, CancellationToken cancellationToken) =>
            throw new NotSupportedException("the session never probes");

        public ProcessStartInfo CreateStartInfo(WorkloadInvocation invocation) => new NativeRuntime().CreateStartInfo(invocation);
    }
}
