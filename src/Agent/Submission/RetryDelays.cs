namespace NearNative.Agent.Submission;

/// <summary>
/// How long the agent waits before sending a request again: exponential backoff from a base delay, capped, with
/// jitter so that many agents refused at once do not come back at once, and never less than the server's
/// <c>Retry-After</c> (which says "not before", not "exactly then").
/// </summary>
public static class RetryDelays
{
    /// <summary>Attempts after the first; with the cap, about two and a half minutes of waiting at the default base delay.</summary>
    public const int MaxRetries = 8;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>Bounds the whole exchange, waits included.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    /// <summary>Bounds one attempt: as long as the server may take over one database command.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    /// <param name="attempt">0 before the first retry.</param>
    /// <param name="jitter">A number in [0, 1), drawn anew for each wait.</param>
    public static TimeSpan Delay(TimeSpan baseDelay, int attempt, TimeSpan? retryAfter, double jitter)
    {
        var exponential = baseDelay * Math.Pow(2, Math.Min(attempt, 16));
        var backoff = (exponential < MaxDelay ? exponential : MaxDelay) * (0.8 + (0.4 * jitter));
        return retryAfter is { } after && after > backoff ? after : backoff;
    }

    /// <summary>The response's <c>Retry-After</c>, given in seconds or as a date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now) => response?.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };
}
