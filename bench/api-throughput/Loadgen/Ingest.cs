using System.Diagnostics;
using System.Net.Http.Json;
using NearNative.Domain.Results;
using NearNative.Domain.Signing;

namespace NearNative.Bench.ApiThroughput;

/// <summary>
/// Sustained ingest: registers the contributors' keys, signs every submission first (the signing is the agent's
/// work, not the server's), then posts them all through <c>POST /api/v1/submissions</c> from concurrent clients and
/// times only the posting. A warm-up of <c>--warmup</c> submissions (default 100) is posted first and not timed, so
/// that the figure is a running server's rate rather than its JIT's. Every answer must be 201; anything else fails
/// the run.
/// </summary>
public static class Ingest
{
    public static async Task<int> RunAsync(Options options)
    {
        var server = new Uri(options.Get("server"));
        var count = options.GetInt("count");
        var concurrency = options.GetInt("concurrency", 4);
        var bases = options.GetAll("base").Select(path => ResultJson.Deserialize(File.ReadAllBytes(path))).ToList();
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(2) };

        var keys = Enumerable.Range(0, options.GetInt("keys", 50)).Select(_ => Ed25519Keys.Create()).ToList();
        foreach (var key in keys)
        {
            using var registered = await http.PostAsJsonAsync("/api/v1/keys", KeyRegistrationRequest.For(key));
            registered.EnsureSuccessStatusCode();
        }

        var factory = new SubmissionFactory(bases, keys, options.GetInt("machines", 300), options.GetInt("brands", 200), options.GetInt("seed", 1));
        var warmup = await PostAsync(http, await SignAsync(factory, options.GetInt("warmup", 100)), concurrency);
        if (warmup.Statuses.Any(s => s != 201))
        {
            Console.WriteLine($"ingest: the warm-up got {string.Join(", ", warmup.Statuses.Distinct())}");
            return 1;
        }

        var bodies = await SignAsync(factory, count);
        var clock = Stopwatch.StartNew();
        var (ids, statuses) = await PostAsync(http, bodies, concurrency);
        var seconds = clock.Elapsed.TotalSeconds;

        if (options.Find("ids-out") is { } idsOut)
        {
            await File.WriteAllLinesAsync(idsOut, ids.OfType<string>());
        }

        var byStatus = statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        Console.WriteLine($"ingest: {count} submissions in {seconds:F2} s with {concurrency} clients = {count / seconds:F1}/s ({string.Join(", ", byStatus)})");
        return statuses.All(s => s == 201) ? 0 : 1;
    }

    private static async Task<List<JsonContent>> SignAsync(SubmissionFactory factory, int count)
    {
        var bodies = Enumerable.Range(0, count).Select(_ => JsonContent.Create(factory.Next())).ToList();
        foreach (var body in bodies)
        {
            await body.LoadIntoBufferAsync();
        }

        return bodies;
    }

    private static async Task<(string?[] Ids, int[] Statuses)> PostAsync(HttpClient http, List<JsonContent> bodies, int concurrency)
    {
        var ids = new string?[bodies.Count];
        var statuses = new int[bodies.Count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                using var response = await http.PostAsync("/api/v1/submissions", bodies[i]);
                statuses[i] = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    ids[i] = (await response.Content.ReadFromJsonAsync<Stored>())?.Id;
                }
            }
        }));
        return (ids, statuses);
    }

    private sealed record Stored(string Id);
}
