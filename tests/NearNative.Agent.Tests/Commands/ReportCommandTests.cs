using NearNative.Agent.Tests.Support;
using NearNative.Domain.Results;

namespace NearNative.Agent.Tests.Commands;

public sealed class ReportCommandTests
{
    /// <summary>A full run kept in the repository: Wasmtime, precompiled Wasmtime, Node and jsc on the development machine.</summary>
    private static readonly string StoredRun = Path.Combine(Repository.Root, "docs", "data", "2026-12-01-zen5-full-seed8.json");

    [Fact]
    public async Task AStoredRunIsReportedAgainWithTodaysRulesLeavingTheOptInWorkloadOutOfTheGeomeans()
    {
        using var home = new TempDirectory();

        var result = await CliRun.InvokeAsync(home.Path, "report", StoredRun, "--suite", TestSuite.Directory);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var execution = result.OutputLines.Where(l => l.Contains("│ execution ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, execution.Count);
        Assert.All(execution, l => Assert.Contains("excl. start-up, filerw", l, StringComparison.Ordinal));
        // Wasmtime's first table: 1.34× over the 14 workloads; with filerw (1.69×) it was 1.36×.
        Assert.Contains("1.34×", execution[0], StringComparison.Ordinal);
        Assert.Contains(result.OutputLines, l => l.Contains("│ filerw ", StringComparison.Ordinal) && l.Contains("opt-in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADocumentOfAnotherSuiteGetsOneLine()
    {
        using var home = new TempDirectory();
        var path = home.File("other.json");
        File.WriteAllBytes(path, ResultJson.Serialize(SampleDocuments.Unsigned() with { Suite = new SuiteReference("std-2099.1", "full") }));

        var result = await CliRun.InvokeAsync(home.Path, "report", path, "--suite", TestSuite.Directory);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("std-2099.1", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
