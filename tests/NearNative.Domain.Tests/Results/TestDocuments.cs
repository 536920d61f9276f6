using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Domain.Tests.Results;

/// <summary>Small result documents with ratios chosen so the expected figures can be worked out by hand.</summary>
internal static class TestDocuments
{
    public static readonly IReadOnlyList<WorkloadSpec> Workloads =
    [
        new("fib", "compute", "00000000000000f1"),
        new("interp", "branchy", "00000000000000a2"),
        new("empty", "startup", "0000000000000000"),
    ];

    public static ResultDocument With(IEnumerable<RuntimeInfo> runtimes, IEnumerable<Sample> samples) => new()
    {
        Schema = ResultDocument.CurrentSchema,
        KeyId = new string('a', 32),
        CreatedAt = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero),
        Nonce = "00112233445566778899aabbccddeeff",
        Agent = new AgentInfo("0.1.0"),
        Suite = new SuiteReference("std-2026.1", SuiteManifest.QuickSize),
        Machine = new MachineInfo(
            new string('b', 64),
            new CpuInfo("x86_64", "AuthenticAMD", "AMD EPYC 7763 64-Core Processor", 25, 1, 1, 2, "kvm"),
            new OsInfo("linux", "Debian GNU/Linux 12 (bookworm)", "6.1.0"),
            24L << 30),
        Run = new RunInfo(10, 42, false, 0.1, 0.2, 0),
        Runtimes = [.. runtimes],
        Samples = [.. samples],
    };

    public static RuntimeInfo Runtime(string id) =>
        new(id, id, id == RuntimeInfo.NativeId ? "clang-14" : "1.0.0", RuntimeInfo.DefaultConfiguration, new Dictionary<string, string>());

    /// <summary>Native samples for every workload and round: kernel 100 ms, process 120 ms.</summary>
    public static IEnumerable<Sample> Native(int rounds) =>
        from round in Enumerable.Range(0, rounds)
        from workload in Workloads
        select Ok(round, workload, RuntimeInfo.NativeId, 100_000_000, 120_000_000);

    /// <summary>Samples for a runtime that is exactly <paramref name="factor"/> times slower in every round.</summary>
    public static IEnumerable<Sample> Scaled(string runtime, int rounds, double factor) =>
        from round in Enumerable.Range(0, rounds)
        from workload in Workloads
        select Ok(round, workload, runtime, (long)(100_000_000 * factor), (long)(120_000_000 * factor));

    public static Sample Ok(int round, WorkloadSpec workload, string runtime, long kernelNs, long wallNs) =>
        new(round, workload.Id, runtime, SampleStage.Measured, SampleOutcome.Ok,
            workload.IsStartup ? 0 : kernelNs, wallNs, null, workload.ExpectedChecksum);
}
