using NearNative.Agent.Runtimes;

namespace NearNative.Agent.Tests.Runtimes;

public sealed class RuntimePhasesTests
{
    [Fact]
    public void TheLastLineGivesEveryPhaseInNanoseconds()
    {
        const string tail = "some warning\nnearnative-phases {\"engine\":1200,\"compile\":35000000,\"instantiate\":80000,\"execute\":9000000000}\n";

        Assert.True(RuntimePhases.TryParse(tail, out var phases));

        Assert.Equal(
            new Dictionary<string, long> { ["engine"] = 1200, ["compile"] = 35_000_000, ["instantiate"] = 80_000, ["execute"] = 9_000_000_000 },
            phases);
    }

    [Fact]
    public void FormatAndParseRoundTrip()
    {
        var line = RuntimePhases.Format([new("instantiate", 5), new("execute", 7)]);

        Assert.Equal("nearnative-phases {\"instantiate\":5,\"execute\":7}", line);
        Assert.True(RuntimePhases.TryParse(line, out var phases));
        Assert.Equal(7, phases["execute"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("wasm trap: out of bounds")]
    [InlineData("nearnative-phases {\"execute\":7}\nthe workload wrote this afterwards")]
    [InlineData("nearnative-phases {\"execute\":7")]
    [InlineData("nearnative-phases {}")]
    [InlineData("nearnative-phases []")]
    [InlineData("nearnative-phases {\"execute\":-1}")]
    [InlineData("nearnative-phases {\"execute\":1.5}")]
    [InlineData("nearnative-phases {\"execute\":\"7\"}")]
    [InlineData("nearnative-phases {\"execute\":1,\"execute\":2}")]
    [InlineData("nearnative-phases {\"execute\":99999999999999999999}")]
    public void AnythingButAWellFormedLastLineIsRefused(string tail)
    {
        Assert.False(RuntimePhases.TryParse(tail, out var phases));
        Assert.Empty(phases);
    }
}
