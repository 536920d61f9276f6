using NearNative.Soak.Load;
using NearNative.Soak.Verification;

namespace NearNative.Soak.Scenarios;

/// <summary>A scenario's figures: the verdict on the stored rows, the requests and how they were answered, and the faults.</summary>
public sealed record ScenarioResult(
    string Scenario,
    string Description,
    DateTimeOffset Started,
    double Seconds,
    int Writers,
    int Readers,
    Verdict Verdict,
    IReadOnlyList<RequestSummary> Requests,
    IReadOnlyList<WindowSummary> Faults,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;

    public static ScenarioResult Of(Scenario scenario, ScenarioContext context, Ledger ledger, Verdict verdict, double seconds, int writers, int readers)
    {
        var requests = ledger.Requests.ToList();
        var failures = new List<string>(verdict.Failures());
        failures.AddRange(context.Failures);
        failures.AddRange(ledger.Defects);

        // Anywhere: no 500 (a bug), no 503 without Retry-After and problem details, no request left hanging.
        var errors = requests.Where(r => r.Status >= 500 && r.Status != 503).ToList();
        if (errors.Count > 0)
        {
            failures.Add($"{errors.Count} answers with a server error other than 503, e.g. {errors[0]}");
        }

        var bare = requests.Where(r => r.Status == 503 && r.Kind != "ready" && (!r.RetryAfter || !r.Problem)).ToList();
        if (bare.Count > 0)
        {
            failures.Add($"{bare.Count} answers 503 without Retry-After or problem details, e.g. {bare[0]}");
        }

        var hangs = requests.Where(r => r.Error == "hang").ToList();
        if (hangs.Count > 0)
        {
            failures.Add($"{hangs.Count} requests got no answer within {Fleet.HangBound.TotalSeconds} s, e.g. {hangs[0]}");
        }

        // Outside the faults (and a few seconds after each, while connections are re-established) every request is answered normally.
        var grace = TimeSpan.FromSeconds(10);
        var unexplained = requests
            .Where(r => r.Kind != "ready" && (r.Status == 0 || r.Status == 503))
            .Where(r => !context.Windows.Any(w => r.At + TimeSpan.FromMilliseconds(r.Milliseconds) >= w.Start && r.At <= w.End + grace))
            .ToList();
        if (unexplained.Count > 0)
        {
            failures.Add($"{unexplained.Count} requests failed outside any fault, e.g. {unexplained[0]}");
        }

        return new ScenarioResult(
            scenario.Name,
            scenario.Description,
            ledger.Started,
            seconds,
            writers,
            readers,
            verdict,
            RequestSummary.Of(requests),
            [.. context.Windows.Select(w => WindowSummary.Of(w, requests))],
            context.Notes,
            failures);
    }
}

/// <summary>Requests of one kind: how many, answered how, and how long they took.</summary>
public sealed record RequestSummary(string Kind, int Count, IReadOnlyDictionary<string, int> Answers, double P50Ms, double P99Ms, double MaxMs)
{
    public static IReadOnlyList<RequestSummary> Of(IReadOnlyCollection<RequestRecord> requests) =>
    [
        .. requests.GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var ms = g.Select(r => r.Milliseconds).Order().ToArray();
            return new RequestSummary(
                g.Key,
                ms.Length,
                g.GroupBy(AnswerOf).OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Count()),
                Percentile(ms, 0.50),
                Percentile(ms, 0.99),
                ms[^1]);
        }),
    ];

    public static string AnswerOf(RequestRecord r) => r.Status == 0 ? r.Error ?? "no answer" : r.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static double Percentile(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];
}

/// <summary>
/// One fault: how long it lasted, the requests sent while it lasted and how they were answered, and the recovery:
/// from the end of the fault to the first write the API acknowledged after it.
/// </summary>
public sealed record WindowSummary(string Fault, double StartSeconds, double Seconds, IReadOnlyList<RequestSummary> Requests, double? RecoverySeconds)
{
    public static WindowSummary Of(FaultWindow window, IReadOnlyList<RequestRecord> requests)
    {
        var during = requests.Where(r => r.At + TimeSpan.FromMilliseconds(r.Milliseconds) >= window.Start && r.At <= window.End).ToList();
        var firstAcknowledged = requests
            .Where(r => r.Kind is "write" or "agent" && r.Status is 200 or 201 && r.At >= window.End)
            .Select(r => (DateTimeOffset?)(r.At + TimeSpan.FromMilliseconds(r.Milliseconds)))
            .Min();
        var started = requests.Count == 0 ? window.Start : requests.Min(r => r.At);
        return new WindowSummary(
            window.Fault,
            (window.Start - started).TotalSeconds,
            (window.End - window.Start).TotalSeconds,
            RequestSummary.Of(during),
            firstAcknowledged is { } at ? (at - window.End).TotalSeconds : null);
    }
}
