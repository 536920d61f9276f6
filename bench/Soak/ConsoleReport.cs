using NearNative.Soak.Scenarios;

namespace NearNative.Soak;

/// <summary>What a scenario did, as lines on the console: counts, request latencies, faults, notes and failures.</summary>
public static class ConsoleReport
{
    public static void Print(ScenarioResult result)
    {
        var v = result.Verdict;
        Console.WriteLine(
            $"  sent {v.Sent}, acknowledged {v.Acknowledged}, stored {v.Stored}, lost {v.Lost.Count}, duplicated {v.Duplicated}, " +
            $"stored unacknowledged {v.StoredUnacknowledged}; cells {v.Cells}, {v.CellGroupsRecomputed} groups recomputed, drifted {v.CellsDrifted}");
        foreach (var kind in result.Requests)
        {
            Console.WriteLine($"  {kind.Kind}: {kind.Count} requests ({Answers(kind)}), p50 {kind.P50Ms:F0} ms, p99 {kind.P99Ms:F0} ms, max {kind.MaxMs:F0} ms");
        }

        foreach (var fault in result.Faults)
        {
            var recovery = fault.RecoverySeconds is { } seconds ? $"{seconds:F1} s" : "none";
            Console.WriteLine(
                $"  fault '{fault.Fault}' at {fault.StartSeconds:F1} s for {fault.Seconds:F1} s: " +
                $"{string.Join("; ", fault.Requests.Select(k => $"{k.Kind} {Answers(k)} max {k.MaxMs:F0} ms"))}; first acknowledged write after it {recovery}");
        }

        foreach (var note in result.Notes)
        {
            Console.WriteLine($"  {note}");
        }

        foreach (var failure in result.Failures)
        {
            Console.WriteLine($"  FAILED: {failure}");
        }

        Console.WriteLine($"soak {result.Scenario}: {(result.Passed ? "PASS" : "FAIL")}");
    }

    private static string Answers(RequestSummary kind) => string.Join(", ", kind.Answers.Select(a => $"{a.Value} × {a.Key}"));
}
