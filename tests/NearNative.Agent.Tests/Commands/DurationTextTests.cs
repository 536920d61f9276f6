using NearNative.Agent.Commands;

namespace NearNative.Agent.Tests.Commands;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("1h30m", 5400)]
    [InlineData("00:15:00", 900)]
    [InlineData("0", 0)]
    public void DurationsAcceptUnitsClockTimeAndBareSeconds(string text, double seconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("ten minutes")]
    [InlineData("15x")]
    [InlineData("30d")]
    public void NonsenseIsNotADuration(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }
}
