using NearNative.Agent.Machine;

namespace NearNative.Agent.Tests.Machine;

public sealed class NoiseTests
{
    // user nice system idle iowait irq softirq steal guest guest_nice
    private const string StatBefore = "cpu  1000 0 500 8000 100 0 50 350 0 0\ncpu0 500 0 250 4000 50 0 25 175 0 0\nintr 12345\n";
    private const string StatAfter = "cpu  1600 0 700 8800 100 0 50 750 0 0\ncpu0 800 0 350 4400 50 0 25 375 0 0\nintr 23456\n";

    [Fact]
    public void StealIsTheStolenShareOfAllCpuTimeBetweenTwoReadings()
    {
        // Deltas: user 600, system 200, idle 800, steal 400 → 400 / 2000.
        var steal = CpuTimes.StealPercent(CpuTimes.Parse(StatBefore), CpuTimes.Parse(StatAfter));

        Assert.Equal(20.0, steal, 6);
    }

    [Fact]
    public void UnreadableStatMeansNoStealRatherThanAnError()
    {
        Assert.Null(CpuTimes.Parse("intr 1\n"));
        Assert.Equal(0, CpuTimes.StealPercent(null, CpuTimes.Parse(StatAfter)));
    }

    [Fact]
    public void TheOneMinuteLoadIsTheFirstFieldOfLoadavg()
    {
        Assert.Equal(2.42, NoiseAssessment.ParseLoadAverage("2.42 1.10 0.49 5/173 11269\n"));
        Assert.Equal(0, NoiseAssessment.ParseLoadAverage(null));
    }

    [Theory]
    [InlineData(0.5, 4, 0.0, false)]
    [InlineData(2.0, 4, 0.0, false)]
    [InlineData(2.1, 4, 0.0, true)]
    [InlineData(0.1, 4, 5.0, false)]
    [InlineData(0.1, 4, 5.1, true)]
    public void ARunIsNoisyWhenLoadBeforeExceedsHalfTheCoresOrStealExceedsFivePercent(double load, int cores, double steal, bool noisy)
    {
        Assert.Equal(noisy, NoiseAssessment.IsNoisy(load, cores, steal));
    }
}
