using System.Diagnostics.Metrics;

namespace NearNative.Api.Infrastructure.Telemetry;

/// <summary>
/// <c>nearnative.ingest.submissions</c>: one count per submission the handler answered, by <c>outcome</c>
/// (<c>accepted</c>, <c>duplicate</c>, <c>quarantined</c>, <c>rejected</c>) and, for rejections, <c>reason</c>.
/// </summary>
public sealed class IngestMetrics(IMeterFactory meters)
{
    private readonly Counter<long> _submissions = ApiMeter.Counter(
        meters,
        "nearnative.ingest.submissions",
        "{submission}",
        "Submissions answered by the ingest endpoint, by outcome and rejection reason.");

    public void Record(IngestOutcome outcome)
    {
        if (outcome.Reason is null)
        {
            _submissions.Add(1, new KeyValuePair<string, object?>("outcome", outcome.Outcome));
        }
        else
        {
            _submissions.Add(1, new("outcome", outcome.Outcome), new("reason", outcome.Reason));
        }
    }
}

/// <summary>What became of one submission; <see cref="Reason"/> only for rejections.</summary>
public sealed record IngestOutcome(string Outcome, string? Reason = null)
{
    public static readonly IngestOutcome Accepted = new("accepted");
    public static readonly IngestOutcome Duplicate = new("duplicate");
    public static readonly IngestOutcome Quarantined = new("quarantined");

    public static IngestOutcome Rejected(string reason) => new("rejected", reason);
}
