using NearNative.Agent.Measurement;

namespace NearNative.Agent.Tests.Measurement;

public sealed class WorkloadOutputTests
{
    private const string GoodLine = """{"workload":"fib","size":"quick","iterations":40,"kernel_ns":123456789,"checksum":"0123456789abcdef"}""";

    [Fact]
    public void AWellFormedLineParsesIntoItsFields()
    {
        Assert.True(WorkloadOutput.TryParse(GoodLine + "\n", out var output, out var error));

        Assert.Null(error);
        Assert.Equal(new WorkloadOutput("fib", "quick", 40, 123_456_789, "0123456789abcdef"), output);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"workload\":\"fib\"}")]
    [InlineData("{\"workload\":\"fib\",\"size\":\"quick\",\"iterations\":40,\"kernel_ns\":-1,\"checksum\":\"0123456789abcdef\"}")]
    [InlineData("{\"workload\":\"fib\",\"size\":\"quick\",\"iterations\":40,\"kernel_ns\":5,\"checksum\":\"0123\"}")]
    [InlineData("{\"workload\":\"fib\",\"size\":\"quick\",\"iterations\":40,\"kernel_ns\":5,\"checksum\":\"zz23456789abcdef\"}")]
    [InlineData("{\"workload\":\"fib\",\"size\":\"quick\",\"iterations\":40,\"kernel_ns\":\"5\",\"checksum\":\"0123456789abcdef\"}")]
    public void MalformedOutputIsRejectedWithAReason(string stdout)
    {
        Assert.False(WorkloadOutput.TryParse(stdout, out var output, out var error));

        Assert.Null(output);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TwoLinesOfOutputAreRejected()
    {
        Assert.False(WorkloadOutput.TryParse(GoodLine + "\n" + GoodLine + "\n", out _, out var error));

        Assert.Contains("one output line", error, StringComparison.Ordinal);
    }
}
