using System.Net;
using System.Net.Http.Headers;
using NearNative.Agent.Submission;

namespace NearNative.Agent.Tests.Submission;

public sealed class RetryDelaysTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(2);

    [Fact]
    public void TheBackoffDoublesFromTheBaseDelayAndStopsAtTheCap()
    {
        var delays = Enumerable.Range(0, 7).Select(attempt => RetryDelays.Delay(Base, attempt, retryAfter: null, jitter: 0.5).TotalSeconds);

        Assert.Equal([2, 4, 8, 16, 30, 30, 30], delays);
    }

    [Theory]
    [InlineData(0.0, 1.6)]
    [InlineData(0.5, 2.0)]
    [InlineData(0.75, 2.2)]
    public void JitterSpreadsEachWaitByUpToAFifthEitherWay(double jitter, double seconds) =>
        Assert.Equal(seconds, RetryDelays.Delay(Base, 0, retryAfter: null, jitter).TotalSeconds, precision: 9);

    [Fact]
    public void ARetryAfterLongerThanTheBackoffIsWaitedInFull() =>
        Assert.Equal(TimeSpan.FromSeconds(5), RetryDelays.Delay(Base, 0, TimeSpan.FromSeconds(5), jitter: 0.5));

    [Fact]
    public void AShorterRetryAfterDoesNotHurryTheBackoff() =>
        Assert.Equal(TimeSpan.FromSeconds(16), RetryDelays.Delay(Base, 3, TimeSpan.FromSeconds(1), jitter: 0.5));

    [Fact]
    public void RetryAfterIsReadInSecondsOrAsADate()
    {
        var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        using var seconds = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        seconds.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(5));
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.RetryAfter = new RetryConditionHeaderValue(now.AddSeconds(7));
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(TimeSpan.FromSeconds(5), RetryDelays.RetryAfter(seconds, now));
        Assert.Equal(TimeSpan.FromSeconds(7), RetryDelays.RetryAfter(date, now));
        Assert.Null(RetryDelays.RetryAfter(none, now));
        Assert.Null(RetryDelays.RetryAfter(null, now));
    }
}
