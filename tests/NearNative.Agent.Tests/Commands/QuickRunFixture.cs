using NearNative.Agent.Tests.Support;
using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Tests.Commands;

/// <summary>
/// One real <c>run --quick</c> of the real suite under wasmtime and node, shared by the tests that read it: no waiting for a
/// quiet machine, no extra rounds and a generous budget, so the round counts are known.
/// </summary>
public sealed class QuickRunFixture : IAsyncLifetime
{
    public const int Rounds = 3;
    public const int Seed = 7;

    public string Home { get; } = Directory.CreateTempSubdirectory("nearnative-run-").FullName;

    public string OutFile => Path.Combine(Home, "result.json");

    internal CliResult Result { get; private set; } = null!;

    public byte[] DocumentBytes { get; private set; } = [];

    public ResultDocument Document { get; private set; } = null!;

    public SuiteManifest Manifest { get; } = SuiteManifest.Load(Path.Combine(TestSuite.Directory, "manifest.json"));

    public async Task InitializeAsync()
    {
        Result = await AgentProcess.RunAsync(
            Home,
            "run", "--quick", "--runtimes", "wasmtime,node", "--rounds", $"{Rounds}", "--max-rounds", $"{Rounds}", "--seed", $"{Seed}",
            "--max-wait", "0", "--budget", "10m",
            "--suite", TestSuite.Directory, "--out", OutFile);
        if (File.Exists(OutFile))
        {
            DocumentBytes = await File.ReadAllBytesAsync(OutFile);
            Document = ResultJson.Deserialize(DocumentBytes);
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Home, recursive: true);
        return Task.CompletedTask;
    }
}
