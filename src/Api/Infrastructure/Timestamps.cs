namespace NearNative.Api.Infrastructure;

public static class Timestamps
{
    /// <summary>
    /// Now, in whole milliseconds: every database keeps that much, so a time reads back exactly as it was
    /// first answered (PostgreSQL keeps microseconds, the SQLite encoding less than ticks).
    /// </summary>
    public static DateTimeOffset UtcNowForStorage(this TimeProvider clock) => ForStorage(clock.GetUtcNow());

    public static DateTimeOffset ForStorage(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
