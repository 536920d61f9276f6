using System.Text.Json;
using NearNative.Domain.Signing;

namespace NearNative.Soak.Load;

/// <summary>
/// Writers post new signed runs (and now and then replay an acknowledged one) and retry each until the API answers
/// for good; readers walk the public reads. All stop at the deadline; a writer finishes the run it has in hand.
/// </summary>
public sealed class Traffic(Fleet fleet, Population population, int seed)
{
    /// <summary>How long a writer keeps retrying one run before it gives up on it (recorded, never silently).</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(120);

    private static readonly string[] Reads =
    [
        "api/v1/leaderboard",
        "api/v1/leaderboard?metric=startup",
        "api/v1/leaderboard?metric=category:compute",
        "api/v1/leaderboard?arch=aarch64",
        "badges/wasmtime.svg",
        "badges/wasmer.json",
        "badges/wasmtime.json?arch=aarch64",
        "api/v1/submissions?limit=20",
        "api/v1/cpus",
        "api/v1/runtimes",
    ];

    private readonly List<(SignedEnvelope Envelope, string Id)> _acknowledged = [];

    /// <summary>Runs that a writer gave up on: sent, maybe stored, never acknowledged.</summary>
    public int GaveUp => _gaveUp;

    private int _gaveUp;

    public Task RunAsync(int writers, int readers, DateTimeOffset deadline) =>
        Task.WhenAll([
            .. Enumerable.Range(0, writers).Select(w => Task.Run(() => WriteAsync(new Random(seed * 1000 + w), deadline))),
            .. Enumerable.Range(0, readers).Select(r => Task.Run(() => ReadAsync(new Random(seed * 2000 + r), deadline))),
        ]);

    /// <summary>Sends the same envelope until an answer other than "try later" comes; returns that answer.</summary>
    public async Task<Answer> SendUntilAnsweredAsync(SignedEnvelope envelope, string kind)
    {
        var giveUp = DateTimeOffset.UtcNow + GiveUpAfter;
        for (var attempt = 0; ; attempt++)
        {
            var answer = await fleet.PostAsync(fleet.NextInstance(), "api/v1/submissions", kind, envelope);
            if (!answer.Transient || DateTimeOffset.UtcNow > giveUp)
            {
                return answer;
            }

            // Retry-After when the API gave one, else a short exponential backoff.
            await Task.Delay(answer.RetryAfter ?? TimeSpan.FromMilliseconds(Math.Min(2000, 50 << Math.Min(attempt, 6))));
        }
    }

    private async Task WriteAsync(Random random, DateTimeOffset deadline)
    {
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (random.NextDouble() < 0.1 && Replayable(random) is { } replay)
            {
                var again = await SendUntilAnsweredAsync(replay.Envelope, "replay");
                if (again.Status == 200 && IdOf(again.Body) != replay.Id)
                {
                    fleet.Ledger.Defect($"a replay of {replay.Id} was answered with another submission: {again.Body}");
                }

                continue;
            }

            var (envelope, sent) = population.NextRun(random);
            fleet.Ledger.Sending(sent);
            var answer = await SendUntilAnsweredAsync(envelope, "write");
            if (answer.Status is 200 or 201)
            {
                fleet.Ledger.Acknowledged(sent.Id, answer.Status);
                lock (_acknowledged)
                {
                    _acknowledged.Add((envelope, sent.Id));
                }
            }
            else if (answer.Transient)
            {
                Interlocked.Increment(ref _gaveUp);
            }
            else
            {
                fleet.Ledger.Defect($"a valid run was refused with {answer.Status}: {answer.Body}");
            }
        }
    }

    private async Task ReadAsync(Random random, DateTimeOffset deadline)
    {
        while (DateTimeOffset.UtcNow < deadline)
        {
            await fleet.GetAsync(fleet.NextInstance(), Reads[random.Next(Reads.Length)], "read");
            await Task.Delay(random.Next(5, 40));
        }
    }

    private (SignedEnvelope Envelope, string Id)? Replayable(Random random)
    {
        lock (_acknowledged)
        {
            return _acknowledged.Count == 0 ? null : _acknowledged[random.Next(_acknowledged.Count)];
        }
    }

    private static string? IdOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
