namespace NearNative.Api.Submissions;

/// <summary>One page of submissions, newest received first.</summary>
/// <param name="Items">At most <c>limit</c> submissions.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
/// <param name="Next">The next page's path and query (the same filters and limit); null on the last page.</param>
public sealed record SubmissionPageResponse(IReadOnlyList<SubmissionSummaryResponse> Items, string? NextCursor, string? Next);

/// <summary>A stored submission without its figures; <c>GET /api/v1/submissions/{id}</c> has them.</summary>
/// <param name="Id">SHA-256 of the signed document bytes, lowercase hex.</param>
/// <param name="CpuKey">The CPU key the submission counts under.</param>
/// <param name="CpuBrand">The CPU's brand string as the agent reported it: untrusted text, returned as it is.</param>
/// <param name="Status"><c>accepted</c> or <c>quarantined</c> (kept and shown, left out of every aggregate).</param>
/// <param name="Runtimes">Slugs of the runtimes measured beside native, in the document's order.</param>
public sealed record SubmissionSummaryResponse(
    string Id,
    string KeyId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset CreatedAt,
    string Suite,
    string Size,
    string AgentVersion,
    string MachineId,
    string CpuKey,
    string CpuBrand,
    bool Noisy,
    string Status,
    string? QuarantineReason,
    IReadOnlyList<string> Runtimes);

/// <summary>The raw samples of a submission, read from its signed document: every process the agent ran, warm-up included.</summary>
/// <param name="Submission">The submission's id.</param>
/// <param name="Runtimes">The runtimes as declared in the document, native included.</param>
/// <param name="Samples">In the document's order.</param>
public sealed record SamplesResponse(
    string Submission,
    string Suite,
    string Size,
    string CpuKey,
    IReadOnlyList<SampleRuntimeResponse> Runtimes,
    IReadOnlyList<SampleResponse> Samples);

/// <param name="Id">The id samples use in <c>runtime</c>: <c>native</c> or the runtime's slug.</param>
/// <param name="Name">As reported by the agent: untrusted text.</param>
/// <param name="Settings">Flags and options the harness passed.</param>
public sealed record SampleRuntimeResponse(string Id, string Name, string Version, string Configuration, IReadOnlyDictionary<string, string> Settings);

/// <summary>One fresh process: one workload under one runtime in one round.</summary>
/// <param name="Round">Round number; warm-up rounds are kept and labelled by <see cref="Stage"/>.</param>
/// <param name="Workload">Workload id, or a pre-initialised twin such as <c>inittable.preinit</c>.</param>
/// <param name="Runtime">The runtime's id, <c>native</c> for the baseline.</param>
/// <param name="Stage"><c>measured</c> or <c>warmup</c>.</param>
/// <param name="Outcome"><c>ok</c>, <c>checksum-mismatch</c>, <c>failed</c> or <c>timed-out</c>.</param>
/// <param name="KernelNs">Self-timed kernel nanoseconds the workload printed; null when the process failed.</param>
/// <param name="WallNs">Whole-process nanoseconds measured from outside.</param>
/// <param name="PeakRssBytes">Peak resident set of the measured process, when reported.</param>
/// <param name="Checksum">The output checksum the workload printed (untrusted text).</param>
/// <param name="PhasesNs">In-process phases the runtime reported, in nanoseconds.</param>
public sealed record SampleResponse(
    int Round,
    string Workload,
    string Runtime,
    string Stage,
    string Outcome,
    long? KernelNs,
    long WallNs,
    long? PeakRssBytes,
    string? Checksum,
    IReadOnlyDictionary<string, long>? PhasesNs);
