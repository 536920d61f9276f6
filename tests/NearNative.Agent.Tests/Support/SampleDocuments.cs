using NearNative.Domain.Results;

namespace NearNative.Agent.Tests.Support;

/// <summary>A small, valid, unsigned result document as <c>run</c> writes it.</summary>
internal static class SampleDocuments
{
    public static ResultDocument Unsigned() => new()
    {
        Schema = ResultDocument.CurrentSchema,
        KeyId = "",
        CreatedAt = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero),
        Nonce = "00112233445566778899aabbccddeeff",
        Agent = new AgentInfo("0.1.0"),
        Suite = new SuiteReference("std-2026.1", "quick"),
        Machine = new MachineInfo(
            new string('b', 64),
            new CpuInfo("x86_64", "AuthenticAMD", "AMD EPYC", 25, 1, 1, 2, "vm"),
            new OsInfo("linux", "Debian GNU/Linux 12 (bookworm)", "6.1.0"),
            24L << 30),
        Run = new RunInfo(3, 42, false, 0.1, 0.2, 0),
        Runtimes =
        [
            new RuntimeInfo("native", "native", "clang-14.0.6", "default", new Dictionary<string, string>()),
            new RuntimeInfo("wasmtime", "wasmtime", "50.0.1", "default", new Dictionary<string, string>()),
        ],
        Samples =
        [
            new Sample(1, "fib", "native", SampleStage.Measured, SampleOutcome.Ok, 100, 120, null, "78f91e439db6e29d"),
            new Sample(1, "fib", "wasmtime", SampleStage.Measured, SampleOutcome.Ok, 130, 300, null, "78f91e439db6e29d"),
        ],
    };

    public static string WriteTo(string directory)
    {
        var path = Path.Combine(directory, "result.json");
        File.WriteAllBytes(path, ResultJson.Serialize(Unsigned()));
        return path;
    }
}
