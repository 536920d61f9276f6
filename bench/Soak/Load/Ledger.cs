using System.Collections.Concurrent;

namespace NearNative.Soak.Load;

/// <summary>Everything the clients saw: every request with its answer, and every submission the API acknowledged.</summary>
public sealed class Ledger
{
    private readonly ConcurrentQueue<RequestRecord> _requests = new();
    private readonly ConcurrentDictionary<string, SentSubmission> _sent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _defects = new();

    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;

    public IReadOnlyCollection<RequestRecord> Requests => _requests;

    /// <summary>Every submission the clients sent, acknowledged or not, by id (the SHA-256 of its signed bytes).</summary>
    public IReadOnlyDictionary<string, SentSubmission> Sent => _sent;

    /// <summary>What the clients saw that must never happen, in a sentence each (besides what the requests show).</summary>
    public IReadOnlyCollection<string> Defects => _defects;

    public void Defect(string description) => _defects.Enqueue(description);

    public void Record(RequestRecord request) => _requests.Enqueue(request);

    public void Sending(SentSubmission submission) => _sent[submission.Id] = submission;

    public void Acknowledged(string id, int status) =>
        _sent.AddOrUpdate(id, _ => throw new InvalidOperationException($"{id} was acknowledged but never sent"), (_, s) => s with { Acknowledged = status });

    public double Seconds(DateTimeOffset at) => (at - Started).TotalSeconds;
}

/// <param name="At">When the request was sent.</param>
/// <param name="Kind">write, replay, read, agent or ready (the readiness probe).</param>
/// <param name="Status">The HTTP status, or 0 when no answer came (refused connection, reset, client time-out).</param>
/// <param name="Error">What went wrong when no answer came.</param>
/// <param name="RetryAfter">The answer carried a Retry-After header.</param>
/// <param name="Problem">The answer was application/problem+json.</param>
public sealed record RequestRecord(
    DateTimeOffset At, double Milliseconds, string Kind, int Instance, string Path, int Status, string? Error, bool RetryAfter, bool Problem);

/// <param name="Id">SHA-256 of the signed bytes, computed by the client.</param>
/// <param name="Acknowledged">201 or 200 once the API acknowledged it; 0 while not.</param>
public sealed record SentSubmission(string Id, string KeyId, string Nonce, int Runtimes, int Acknowledged = 0);
