using NearNative.Agent.Reports;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Tests.Reports;

public sealed class ResultTableTests
{
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
