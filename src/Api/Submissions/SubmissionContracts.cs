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
    IReadOnlyList<RuntimeResultResponse> Runtimes,
    NativeStartResponse? NativeStart = null);

/// <summary>Median microseconds to start the native empty program as a process, for scale beside a runtime's instance start; null when not measured.</summary>
/// <param name="ForkExecUs">fork, execve, waitpid.</param>
/// <param name="PosixSpawnUs">posix_spawn, waitpid.</param>
/// <param name="NamespacedUs">fork into new user, PID, mount, network, IPC and UTS namespaces, then fork and execve: a container's isolation without an image. Null where the kernel forbids it.</param>
public sealed record NativeStartResponse(double? ForkExecUs, double? PosixSpawnUs, double? NamespacedUs);

/// <summary>Instance start in a running host: a fresh instance of the pre-linked empty module, WASI context included, up to its <c>_start</c> returning.</summary>
/// <param name="MedianUs">Median microseconds per instance, with its sign-test interval.</param>
/// <param name="P99Us">99th percentile microseconds per instance.</param>
/// <param name="KbPerLiveInstance">Resident KB (10³ bytes) each instance kept alive adds to the host.</param>
/// <param name="Instances">Measured starts the figures come from.</param>
public sealed record InstanceStartResponse(EstimateResponse? MedianUs, double? P99Us, double? KbPerLiveInstance, int? Instances);

/// <summary>
/// What the server recomputed for one runtime. Every ratio is runtime over native, lower is better, except
/// <see cref="PreinitGain"/>. A figure is null when one of the workloads it combines has no ratio, and for
/// submissions stored before the server recorded it.
/// </summary>
/// <param name="Execution">Geometric mean over the workloads that are neither start-up nor opt-in of the kernel-time ratio to native; null unless every workload has a ratio.</param>
/// <param name="Slowdown">The execution ratio as text, e.g. <c>1.14×</c>.</param>
/// <param name="SpeedPercent">Speed as a percentage of native, e.g. 88 for a 1.14× slowdown.</param>
/// <param name="Complete">True when every workload has a ratio.</param>
/// <param name="Process">Geometric mean over the workloads that are neither start-up nor opt-in of the whole-process time ratio (start-up, compilation and kernel).</param>
/// <param name="Startup">Start-up from the empty program: milliseconds added to native first, the ratio second.</param>
/// <param name="Memory">Geometric mean over the workloads that are neither start-up nor opt-in of the peak resident memory ratio.</param>
/// <param name="PreinitGain">Plain over pre-initialised whole-process time of the heavy-initialisation workload: 3 means the Wizer twin runs 3× faster; higher is better.</param>
/// <param name="Categories">Execution per workload category (start-up excepted), in suite order.</param>
/// <param name="MemoryFloor">The runtime's memory floor: peak resident MB of the empty program, with native's beside it.</param>
/// <param name="InstanceStart">Instance start in a running host; its figures are null when the run did not measure it.</param>
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
    IReadOnlyList<WorkloadResultResponse> Workloads,
    EstimateResponse? Process,
    EstimateResponse? Memory,
    EstimateResponse? PreinitGain,
    IReadOnlyList<CategoryResultResponse> Categories,
    MemoryFloorResponse MemoryFloor,
    InstanceStartResponse? InstanceStart = null);

/// <param name="Value">Median ratio (a workload's) or geometric mean of medians (a combination).</param>
/// <param name="Lower">Lower end of the interval.</param>
/// <param name="Upper">Upper end of the interval.</param>
/// <param name="Confidence">Confidence the interval achieves, e.g. 0.95.</param>
public sealed record EstimateResponse(double Value, double Lower, double Upper, double Confidence);

/// <param name="Ratio">Whole-process time of the empty program relative to native: a secondary figure, since native's process lasts under a millisecond.</param>
/// <param name="OverheadMs">The value of <see cref="AddedMs"/>, kept for clients written before it.</param>
/// <param name="Lower">Lower end of the ratio's interval.</param>
/// <param name="Upper">Upper end of the ratio's interval.</param>
/// <param name="AddedMs">Milliseconds added to native's empty process: the median paired difference (runtime − native) over rounds, with its interval.</param>
public sealed record StartupResponse(double? Ratio, double? OverheadMs, double? Lower = null, double? Upper = null, EstimateResponse? AddedMs = null);

/// <param name="FloorMb">Median peak resident set of the runtime's empty-program processes in MB (10⁶ bytes), with its interval.</param>
/// <param name="NativeFloorMb">The same median for native's empty program in the same run.</param>
public sealed record MemoryFloorResponse(EstimateResponse? FloorMb, double? NativeFloorMb);

/// <param name="Category">Workload category from the suite manifest, e.g. <c>compute</c>.</param>
/// <param name="Ratio">Geometric mean of the category's kernel-time ratios; null unless each of its workloads has one.</param>
public sealed record CategoryResultResponse(string Category, EstimateResponse? Ratio);

/// <param name="Workload">Workload id; a pre-initialised twin is the base id plus <c>.preinit</c>, compared with the base workload's native runs.</param>
/// <param name="Status"><c>ok</c>, <c>wrong-output</c>, <c>failed</c>, <c>insufficient-data</c> or <c>not-run</c>; only <c>ok</c> has ratios.</param>
/// <param name="Pairs">Rounds with a valid runtime and native sample.</param>
/// <param name="Ratio">Kernel-time ratio (whole-process for start-up workloads).</param>
/// <param name="Process">Whole-process time ratio.</param>
/// <param name="Memory">Peak resident memory ratio, when both sides reported it.</param>
/// <param name="Outliers">Kernel ratios outside Tukey's fences on the log scale: counted and shown, never dropped.</param>
/// <param name="Multimodal">Whether the kernel ratios form more than one mode; null when there are too few to tell.</param>
public sealed record WorkloadResultResponse(
    string Workload,
    string Category,
    string Status,
    int Pairs,
    EstimateResponse? Ratio,
    int WrongOutputs,
    int Failures,
    EstimateResponse? Process,
    EstimateResponse? Memory,
    int? Outliers,
    bool? Multimodal);
