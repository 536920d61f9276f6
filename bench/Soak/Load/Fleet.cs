using System.Diagnostics;
using System.Net.Http.Json;
using NearNative.Soak.Cluster;

namespace NearNative.Soak.Load;

/// <summary>
/// The API instances under test and one HTTP client per instance that records every request it makes in the ledger.
/// A client gives up on a request after <see cref="HangBound"/>: such a request counts as a hang.
/// </summary>
public sealed class Fleet : IAsyncDisposable
{
    /// <summary>Longer than any wait the API allows itself (5 s to connect, 30 s per command), so reaching it is a defect.</summary>
    public static readonly TimeSpan HangBound = TimeSpan.FromSeconds(40);

    private readonly List<HttpClient> _clients;
    private int _next;

    public Fleet(IReadOnlyList<ApiInstance> instances, Ledger ledger)
    {
        Instances = instances;
        Ledger = ledger;
        _clients = [.. instances.Select(i => new HttpClient { BaseAddress = i.Address, Timeout = HangBound })];
    }

    public IReadOnlyList<ApiInstance> Instances { get; }

    public Ledger Ledger { get; }

    /// <summary>The instance the next request goes to: round robin, as a load balancer without affinity would.</summary>
    public int NextInstance() => (int)((uint)Interlocked.Increment(ref _next) % (uint)_clients.Count);

    public HttpClient Client(int instance) => _clients[instance];

    public Task<Answer> GetAsync(int instance, string path, string kind) =>
        SendAsync(instance, path, kind, (client, uri, token) => client.GetAsync(uri, token));

    public Task<Answer> PostAsync<T>(int instance, string path, string kind, T body) =>
        SendAsync(instance, path, kind, (client, uri, token) => client.PostAsJsonAsync(uri, body, token));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var instance in Instances)
        {
            await instance.DisposeAsync();
        }
    }

    private async Task<Answer> SendAsync(
        int instance, string path, string kind, Func<HttpClient, Uri, CancellationToken, Task<HttpResponseMessage>> send)
    {
        var at = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            using var timeout = new CancellationTokenSource(HangBound);
            using var response = await send(_clients[instance], new Uri(path, UriKind.Relative), timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var retryAfter = response.Headers.RetryAfter?.Delta;
            Ledger.Record(new RequestRecord(
                at, clock.Elapsed.TotalMilliseconds, kind, instance, path, (int)response.StatusCode, null, retryAfter is not null,
                response.Content.Headers.ContentType?.MediaType == "application/problem+json"));
            return new Answer((int)response.StatusCode, body, retryAfter);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            var error = e is TaskCanceledException ? "hang" : e.InnerException?.GetType().Name ?? e.GetType().Name;
            Ledger.Record(new RequestRecord(at, clock.Elapsed.TotalMilliseconds, kind, instance, path, 0, error, false, false));
            return new Answer(0, error, null);
        }
    }
}

/// <param name="Status">0 when no answer came.</param>
public sealed record Answer(int Status, string Body, TimeSpan? RetryAfter)
{
    /// <summary>An answer that says: the same request may succeed later (or no answer at all).</summary>
    public bool Transient => Status is 0 or 408 or 429 or 502 or 503 or 504;
}
