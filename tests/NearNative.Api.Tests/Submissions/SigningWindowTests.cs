using NearNative.Api.Submissions;

namespace NearNative.Api.Tests.Submissions;

public sealed class SigningWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheEdgesOfTheWindowAreInside()
    {
        var window = new SigningWindow();

        Assert.Null(window.Check(Now - TimeSpan.FromDays(7), Now));
        Assert.Null(window.Check(Now + TimeSpan.FromMinutes(10), Now));
        Assert.NotNull(window.Check(Now - TimeSpan.FromDays(7) - TimeSpan.FromTicks(1), Now));
        Assert.NotNull(window.Check(Now + TimeSpan.FromMinutes(10) + TimeSpan.FromTicks(1), Now));
    }

    [Fact]
    public void AConfiguredWindowIsTheOneHeldAndNamed()
    {
        var window = new SigningWindow { MaxAge = TimeSpan.FromHours(1), MaxAhead = TimeSpan.FromSeconds(30) };

        Assert.Contains("signed 2 hours ago", window.Check(Now - TimeSpan.FromHours(2), Now), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("within the last 1 hour.", window.Check(Now - TimeSpan.FromHours(2), Now), StringComparison.Ordinal);
        Assert.Contains("at most 30 seconds", window.Check(Now + TimeSpan.FromMinutes(1), Now), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8 * 24 * 3600 + 5, "8 days")]
    [InlineData(24 * 3600, "1 day")]
    [InlineData(3 * 3600 + 59 * 60, "3 hours")]
    [InlineData(61, "1 minute")]
    [InlineData(59, "59 seconds")]
    public void SpansAreNamedInTheirLargestWholeUnit(int seconds, string expected) =>
        Assert.Equal(expected, SigningWindow.Describe(TimeSpan.FromSeconds(seconds)));
}
