using NearNative.Agent.Runtimes;
using NearNative.Agent.Suite;
using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Measurement;

/// <summary>Turns a verified suite, or a user's own program, into the units the session schedules.</summary>
public static class MeasurementPlans
{
    /// <summary>The one workload of a user's program carries the name of its suite (<see cref="SuiteReference.CustomId"/>).</summary>
    public const string CustomWorkloadId = SuiteReference.CustomId;

    public static (IReadOnlyList<WorkloadUnit> ColdStart, IReadOnlyList<WorkloadUnit> Workloads) SuiteUnits(
        LoadedSuite suite,
        string size,
        IReadOnlyList<IRuntime> runtimes)
    {
        var units = suite.Manifest.Workloads.Select(w => SuiteUnit(suite, w, size, runtimes)).ToList();
        return (
            [.. units.Where(u => u.Id == WorkloadSpec.ColdStartId)],
            [.. units.Where(u => u.Id != WorkloadSpec.ColdStartId)]);
    }

    /// <summary>Per runtime and reason, the suite workloads it cannot run (<see cref="IRuntime.CannotRun"/>): never scheduled, listed in the result.</summary>
    public static IReadOnlyList<SkippedRuntime> NotRun(LoadedSuite suite, IReadOnlyList<IRuntime> runtimes) =>
    [
        .. runtimes.SelectMany(r => suite.Manifest.Workloads
            .Select(w => (Workload: w.Id, Reason: r.CannotRun(w)))
            .Where(x => x.Reason is not null)
            .GroupBy(x => x.Reason!, StringComparer.Ordinal)
            .Select(g => new SkippedRuntime(r.Id, g.Key, [.. g.Select(x => x.Workload)]))),
    ];

    private static WorkloadUnit SuiteUnit(LoadedSuite suite, WorkloadManifest workload, string size, IReadOnlyList<IRuntime> allRuntimes)
    {
        var runtimes = allRuntimes.Where(r => r.CannotRun(workload) is null).ToList();
        var runs = runtimes
            .Select(r => new MeasuredRun(workload.Id, r.Id, suite.ArtifactPath(workload, r.ArtifactKind), workload.Id, workload.IsStartup))
            .ToList();

        // The Wizer twin is built from the SIMD module, so only runtimes that run that module run it; native has no twin
        // and the analysis pairs the twin with native's plain workload of the same round.
        if (workload.Artifacts.ContainsKey(LoadedSuite.WasmPreinitArtifact))
        {
            var twin = suite.ArtifactPath(workload, LoadedSuite.WasmPreinitArtifact);
            runs.AddRange(runtimes
                .Where(r => !r.IsNative && r.ArtifactKind == LoadedSuite.WasmArtifact)
                .Select(r => new MeasuredRun(workload.Id + WorkloadSpec.PreinitSuffix, r.Id, twin, workload.Id, WholeProcess: true)));
        }

        return new WorkloadUnit(workload.Id, runs, workload.Sizes[size], workload.Checksums[size], size, workload.Scratch,
            WritesBytes: workload.WritesBytes?.GetValueOrDefault(size) ?? 0);
    }

    /// <summary>A user's program: the native build under native, the wasm module under every wasm runtime, in a fresh directory each time.</summary>
    public static WorkloadUnit CustomUnit(CustomProgram program, IReadOnlyList<IRuntime> runtimes, string expectedChecksum) =>
        new(
            CustomWorkloadId,
            [
                .. runtimes.Select(r => new MeasuredRun(
                    CustomWorkloadId,
                    r.Id,
                    r.IsNative ? program.NativePath : program.WasmPath,
                    CustomWorkloadId,
                    WholeProcess: true)),
            ],
            program.Arguments,
            expectedChecksum,
            CustomWorkloadId,
            Scratch: true,
            UserProgram: true);

    /// <summary>What the analysis and the report need to know of a user program's single workload.</summary>
    public static WorkloadSpec CustomSpec(string expectedChecksum) => new(CustomWorkloadId, CustomWorkloadId, expectedChecksum);
}
