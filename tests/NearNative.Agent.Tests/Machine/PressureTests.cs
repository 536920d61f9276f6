using NearNative.Agent.Machine;

namespace NearNative.Agent.Tests.Machine;

public sealed class PressureTests
{
    private const string Psi = "some avg10=38.92 avg60=28.94 avg300=26.33 total=865589917\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n";

    [Fact]
    public void TheSomeLineGivesTheTenSecondAverageAndTheTotal()
    {
        Assert.Equal(new CpuPressure(38.92, 865589917), CpuPressure.Parse(Psi));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n")]
    [InlineData("some avg10=abc total=5\n")]
    [InlineData("some avg10=1.00\n")]
    public void MissingOrMalformedPressureIsUnknownNotAnError(string? text)
    {
        Assert.Null(CpuPressure.Parse(text));
    }

    [Fact]
    public void PressureOverAnIntervalIsTheStalledShareOfItsWallTime()
    {
        // 250 ms of stall in 1 s of wall time.
        var percent = CpuPressure.PercentBetween(new CpuPressure(0, 1_000_000), new CpuPressure(0, 1_250_000), TimeSpan.FromSeconds(1));

        Assert.Equal(25.0, percent!.Value, 6);
        Assert.Null(CpuPressure.PercentBetween(null, new CpuPressure(0, 1), TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [InlineData(1.0, 0.0, 5.0, true)]
    [InlineData(1.1, 0.0, 5.0, false)]
    [InlineData(0.1, 5.1, null, false)]
    [InlineData(0.1, 0.0, 10.5, false)]
    [InlineData(0.1, 0.0, null, true)]
    public void AMachineIsQuietWithLowLoadStealAndPressure(double load, double steal, double? pressure, bool quiet)
    {
        Assert.Equal(quiet, NoiseAssessment.IsQuiet(new NoiseInterval(load, steal, pressure), logicalCores: 2));
    }

    [Theory]
    [InlineData(2.0, 0.0, 0.0, false)]
    [InlineData(2.1, 0.0, 0.0, true)]
    [InlineData(0.5, 6.0, 0.0, true)]
    [InlineData(0.5, 0.0, 95.0, false)]
    public void ARoundAllowsTheAgentsOwnLoadAndPinnedCorePressureOnTopOfTheQuietThreshold(double load, double steal, double pressure, bool noisy)
    {
        Assert.Equal(noisy, NoiseAssessment.IsNoisyRound(new NoiseInterval(load, steal, pressure), logicalCores: 2));
    }

    [Theory]
    [InlineData(true, 0, 30, false)]
    [InlineData(true, 3, 30, false)]
    [InlineData(true, 4, 30, true)]
    [InlineData(false, 0, 30, true)]
    public void ARunIsNoisyWhenBusyAtTheStartOrInMoreThanATenthOfItsRounds(bool quietBefore, int noisyRounds, int rounds, bool noisy)
    {
        Assert.Equal(noisy, NoiseAssessment.IsNoisyRun(quietBefore, noisyRounds, rounds));
    }
}
