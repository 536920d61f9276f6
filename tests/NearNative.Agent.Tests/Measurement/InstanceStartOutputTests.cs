using NearNative.Agent.Measurement;
using NearNative.Domain.Results;

namespace NearNative.Agent.Tests.Measurement;

/// <summary>The JSON line every instance-start host prints.</summary>
public sealed class InstanceStartOutputTests
{
    [Fact]
    public void TheLastLineIsTheMeasurement()
    {
        const string stdout = "noise\n{\"warmupNs\":[9],\"startNs\":[3,4],\"liveInstances\":2,\"residentBefore\":100,\"residentAfter\":300}\n";

        var measurement = InstanceStartOutput.Parse(stdout, "wasmtime", InstanceStart.InHost, out var problem)!;

        Assert.Null(problem);
        Assert.Equal(new long[] { 3, 4 }, measurement.StartNs);
        Assert.Equal(new long[] { 9 }, measurement.WarmupNs);
        Assert.Equal((2, 100L, 300L), (measurement.LiveInstances, measurement.ResidentBytesBefore!.Value, measurement.ResidentBytesAfter!.Value));
    }

    [Fact]
    public void AnUnavailableMethodKeepsItsReason()
    {
        var measurement = InstanceStartOutput.Parse("{\"unavailable\":\"unshare: Operation not permitted\"}", "native", InstanceStart.Namespaced, out _)!;

        Assert.Equal("unshare: Operation not permitted", measurement.UnavailableReason);
        Assert.Empty(measurement.StartNs);
    }

    [Fact]
    public void AnUnreadableResidentSetIsNoFigure()
    {
        var measurement = InstanceStartOutput.Parse("{\"warmupNs\":[],\"startNs\":[5],\"liveInstances\":1,\"residentBefore\":-1,\"residentAfter\":null}", "node", InstanceStart.InHost, out _)!;

        Assert.Null(measurement.ResidentBytesBefore);
        Assert.Null(measurement.ResidentBytesAfter);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"startNs\":[1]}")]
    [InlineData("{\"warmupNs\":[],\"startNs\":[0],\"liveInstances\":0,\"residentBefore\":null,\"residentAfter\":null}")]
    [InlineData("{\"warmupNs\":[],\"startNs\":[],\"liveInstances\":0,\"residentBefore\":null,\"residentAfter\":null}")]
    public void OutputWithoutPositiveStartsIsRefusedWithAReason(string stdout)
    {
        Assert.Null(InstanceStartOutput.Parse(stdout, "wasmtime", InstanceStart.InHost, out var problem));
        Assert.NotNull(problem);
    }
}
