namespace NearNative.Api.Submissions;

/// <param name="Id">SHA-256 of the signed document bytes, lowercase hex.</param>
/// <param name="Status"><c>accepted</c>, or <c>quarantined</c> when a figure is implausible: kept and shown, left out of the leaderboard.</param>
public sealed record SubmissionResponse(
    string Id,
    string KeyId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset CreatedAt,
    string Suite,
    string Size,
    string AgentVersion,
    string MachineId,
    string CpuKey,
    bool Noisy,
    string Status,
    string? QuarantineReason,
    IReadOnlyList<RuntimeResultResponse> Runtimes);

/// <param name="Execution">Geometric mean over the non-start-up workloads of the kernel-time ratio to native; null unless every workload has a ratio.</param>
/// <param name="Slowdown">The execution ratio as text, e.g. <c>1.14×</c>.</param>
/// <param name="SpeedPercent">Speed as a percentage of native, e.g. 88 for a 1.14× slowdown.</param>
/// <param name="Complete">True when every workload has a ratio.</param>
public sealed record RuntimeResultResponse(
    string Slug,
    string Name,
    string Version,
    string Configuration,
    IReadOnlyDictionary<string, string> Settings,
    EstimateResponse? Execution,
    string? Slowdown,
    int? SpeedPercent,
    StartupResponse Startup,
    bool Complete,
    IReadOnlyList<WorkloadResultResponse> Workloads);

public sealed record EstimateResponse(double Value, double Lower, double Upper, double Confidence);

/// <param name="Ratio">Whole-process time of the empty program relative to native.</param>
/// <param name="OverheadMs">Median extra milliseconds over the native empty program.</param>
public sealed record StartupResponse(double? Ratio, double? OverheadMs);

/// <param name="Status"><c>ok</c>, <c>wrong-output</c>, <c>failed</c> or <c>insufficient-data</c>; only <c>ok</c> has a ratio.</param>
/// <param name="Pairs">Rounds with a valid runtime and native sample.</param>
public sealed record WorkloadResultResponse(
    string Workload,
    string Category,
    string Status,
    int Pairs,
    EstimateResponse? Ratio,
    int WrongOutputs,
    int Failures);
