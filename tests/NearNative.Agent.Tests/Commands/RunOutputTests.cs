using System.Text;
using NearNative.Agent.Tests.Runtimes;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Results;

namespace NearNative.Agent.Tests.Commands;

[Trait("Category", "Slow")]
public sealed class RunOutputTests
{
    [Fact]
    public async Task DryRunPrintsExactlyTheDocumentAndWritesNothing()
    {
        using var home = new TempDirectory();
        var outFile = home.File("never.json");

        var result = await AgentProcess.RunAsync(
            home.Path, "run", "--quick", "--runtimes", "wasmtime", "--rounds", "1", "--max-rounds", "1", "--max-wait", "0", "--suite", TestSuite.Directory, "--dry-run", "--out", outFile);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var document = ResultJson.Deserialize(Encoding.UTF8.GetBytes(result.Out));
        Assert.Equal(result.Out, Encoding.UTF8.GetString(ResultJson.Serialize(document)));
        Assert.False(File.Exists(outFile));
        Assert.Contains("nothing was written or sent", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonPrintsOnlyTheDocumentOnStdout()
    {
        using var home = new TempDirectory();

        var result = await AgentProcess.RunAsync(
            home.Path, "run", "--quick", "--runtimes", "native", "--rounds", "1", "--max-rounds", "1", "--max-wait", "0", "--seed", "5", "--suite", TestSuite.Directory, "--json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var document = ResultJson.Deserialize(Encoding.UTF8.GetBytes(result.Out.TrimEnd('\n')));
        Assert.Equal(5, document.Run.Seed);
        Assert.Equal(["native"], document.Runtimes.Select(r => r.Id));
    }

    [Fact]
    public async Task TheDocumentCarriesTheKeyIdWhenAKeyExists()
    {
        using var home = new TempDirectory();
        var keyId = (await CliRun.InvokeAsync(home.Path, "keys", "init")).Out.Trim();

        var result = await AgentProcess.RunAsync(
            home.Path, "run", "--quick", "--runtimes", "native", "--rounds", "1", "--max-rounds", "1", "--max-wait", "0", "--suite", TestSuite.Directory, "--json");

        Assert.Equal(keyId, ResultJson.Deserialize(Encoding.UTF8.GetBytes(result.Out.TrimEnd('\n'))).KeyId);
    }

    [Fact]
    public async Task PreparationSpendsFromTheBudgetAndARunItExhaustsMeasuresNothingAndSaysSo()
    {
        using var home = new TempDirectory();
        var slow = StandInExecutables.WriteScript(home.Path, "slowrt", "sleep 3\necho 'slowrt 1.0'\n");
        var file = home.File("runtimes.json");
        await File.WriteAllTextAsync(file, $$"""
            {"runtimes": [{"name": "slowrt", "executable": "{{slow}}", "versionPattern": "slowrt ([0-9.]+)", "run": ["{module}", "{args}"]}]}
            """);

        var result = await AgentProcess.RunAsync(
            home.Path, "run", "--quick", "--runtimes", "slowrt", "--runtime-file", file, "--budget", "2s", "--max-wait", "0", "--suite", TestSuite.Directory, "--json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("of the 2 s budget; nothing is measured", result.Error, StringComparison.Ordinal);
        var document = ResultJson.Deserialize(Encoding.UTF8.GetBytes(result.Out.TrimEnd('\n')));
        Assert.Empty(document.Samples);
        Assert.Equal((RunInfo.StoppedBudget, 2.0), (document.Run.StoppedBy, document.Run.BudgetSeconds));
    }
}
