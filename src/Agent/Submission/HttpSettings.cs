namespace NearNative.Agent.Submission;

/// <param name="RetryDelay">Base delay of the exponential backoff between attempts.</param>
/// <param name="PrimaryHandler">Replaces the socket handler, for tests; null in real use.</param>
public sealed record HttpSettings(TimeSpan RetryDelay, Func<HttpMessageHandler>? PrimaryHandler)
{
    public static HttpSettings Default { get; } = new(TimeSpan.FromSeconds(2), null);
}
