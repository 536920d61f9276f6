namespace NearNative.Api.Administration;

/// <param name="Reason">Why the submission is quarantined, shown with it; at most 400 characters.</param>
public sealed record QuarantineRequest(string? Reason);

/// <param name="Status"><c>accepted</c> or <c>quarantined</c>.</param>
/// <param name="QuarantineReason">Why it was quarantined; kept after a release, as its history.</param>
public sealed record SubmissionStatusResponse(string Id, string Status, string? QuarantineReason);

/// <summary>The cells of one runtime on one CPU key of one suite and size: every version and metric.</summary>
/// <param name="Runtime">The runtime's slug, e.g. <c>wasmtime</c>.</param>
public sealed record RecomputeCellsRequest(string? Suite, string? Size, string? CpuKey, string? Runtime);

/// <param name="Cells">How many cells the runtime has there now, one per version and metric with a figure.</param>
public sealed record RecomputeCellsResponse(string Suite, string Size, string CpuKey, string Runtime, int Cells);
