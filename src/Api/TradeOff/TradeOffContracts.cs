namespace NearNative.Api.TradeOff;

/// <summary>
/// Per runtime, what it costs a service against native: the service's expected slowdown, start-up spread over the
/// requests an instance serves, memory, and where the runtime stops paying off, read from the leaderboard's cells.
/// </summary>
/// <param name="Size">The suite size the figures come from (full when the CPUs have it, unless <c>size</c> chose).</param>
/// <param name="Architecture">The architecture whose CPU keys are combined (each CPU key weighted equally).</param>
/// <param name="Cpu">The CPU key asked for, or null for every CPU key of the architecture.</param>
/// <param name="Like">The workload the mix is taken from, or null when it is weighted by category.</param>
/// <param name="Mix">What the slowdown S is made of: the categories (or the one workload) with their weights.</param>
/// <param name="Requests">N: requests one instance serves before it is recycled.</param>
/// <param name="CpuMs">t: CPU milliseconds per request natively.</param>
/// <param name="Native">How a native process is started: <c>fork-exec</c>, <c>posix-spawn</c> or <c>namespaced</c>.</param>
/// <param name="Rows">Runtime versions with a figure for every part of the mix, lowest slowdown first.</param>
/// <param name="Incomplete">Runtime versions missing a figure for some part of the mix: listed, not compared.</param>
/// <param name="Formula">The model, one statement per line, as the page shows it.</param>
public sealed record TradeOffResponse(
    string Suite,
    string Size,
    string Architecture,
    string? Cpu,
    string? Like,
    IReadOnlyList<TradeOffMixResponse> Mix,
    long Requests,
    double CpuMs,
    string Native,
    IReadOnlyList<TradeOffRowResponse> Rows,
    IReadOnlyList<TradeOffIncompleteResponse> Incomplete,
    IReadOnlyList<string> Formula);

/// <summary>One part of the service's mix.</summary>
/// <param name="Metric">The leaderboard metric it reads, e.g. <c>category:compute</c> or <c>workload:fib</c>.</param>
/// <param name="Name">The category or workload, e.g. <c>compute</c>.</param>
/// <param name="Weight">The weight as given (1 for each category by default, 1 for a workload).</param>
/// <param name="Share">The weight over the sum of all weights.</param>
public sealed record TradeOffMixResponse(string Metric, string Name, double Weight, double Share);

/// <summary>One runtime version on the architecture (or CPU) asked for.</summary>
/// <param name="Rank">1-based, by <see cref="Slowdown"/>.</param>
/// <param name="Runtime">The runtime's slug, e.g. <c>wasmtime</c>.</param>
/// <param name="Slowdown">S, the service's expected time against native, with the parts it is made of.</param>
/// <param name="ProcessAddedMs">A: milliseconds the runtime's process adds to native's empty process (the <c>startup</c> metric); null when unmeasured.</param>
/// <param name="ProcessAddedMsPerRequest">A / N: that start spread over the requests of one process.</param>
/// <param name="InstanceStartUs">I: microseconds to start one instance in a running host (the <c>instance-start</c> metric); null when unmeasured.</param>
/// <param name="InstanceStartUsPerRequest">I / N: that start spread over the requests of one instance.</param>
/// <param name="NativeStartUs">P: microseconds native takes to start (and end) its empty program as a process by the method asked for, over the same CPU keys as <see cref="InstanceStartUs"/> (else <see cref="ProcessAddedMs"/>); null when unmeasured.</param>
/// <param name="NativeStartUsPerRequest">P / N.</param>
/// <param name="MemoryFloorMb">The runtime's memory floor in MB (peak resident memory of the empty program); null when unmeasured.</param>
/// <param name="NativeMemoryFloorMb">Native's floor on the same machines, in MB.</param>
/// <param name="InstanceKb">KB each live instance adds to a running host; null when unmeasured.</param>
/// <param name="InHost">The runtime's instances in one long-lived host against native processes; null without both I and P.</param>
/// <param name="Process">A runtime process per instance against a native process per instance; null without A.</param>
/// <param name="Provisional">True when any figure used comes from fewer than 3 machines.</param>
public sealed record TradeOffRowResponse(
    int Rank,
    string Runtime,
    string Name,
    string Version,
    string Configuration,
    TradeOffSlowdownResponse Slowdown,
    TradeOffFigureResponse? ProcessAddedMs,
    double? ProcessAddedMsPerRequest,
    TradeOffFigureResponse? InstanceStartUs,
    double? InstanceStartUsPerRequest,
    TradeOffFigureResponse? NativeStartUs,
    double? NativeStartUsPerRequest,
    TradeOffFigureResponse? MemoryFloorMb,
    double? NativeMemoryFloorMb,
    TradeOffFigureResponse? InstanceKb,
    TradeOffComparisonResponse? InHost,
    TradeOffComparisonResponse? Process,
    bool Provisional);

/// <summary>S: the weighted geometric mean of the mix's ratios.</summary>
/// <param name="Value">S, e.g. 1.14 (times native's time).</param>
/// <param name="Lower">The weighted geometric mean of the parts' lower bounds: exact if the parts' errors are fully correlated, conservative otherwise.</param>
/// <param name="Upper">Likewise of the upper bounds.</param>
/// <param name="Confidence">The lowest confidence among the parts' intervals, e.g. 0.95.</param>
/// <param name="Text">E.g. <c>1.14× native</c>.</param>
/// <param name="SpeedPercent">100 / S, rounded.</param>
/// <param name="Parts">Each part of the mix on this runtime, with the cells it came from.</param>
public sealed record TradeOffSlowdownResponse(
    double Value,
    double Lower,
    double Upper,
    double Confidence,
    string Text,
    int SpeedPercent,
    IReadOnlyList<TradeOffPartResponse> Parts);

/// <param name="Metric">The leaderboard metric, e.g. <c>category:compute</c>.</param>
/// <param name="Weight">Its weight in the mix.</param>
/// <param name="Ratio">Its ratio to native, as the leaderboard has it.</param>
public sealed record TradeOffPartResponse(string Metric, double Weight, TradeOffFigureResponse Ratio);

/// <summary>A leaderboard figure, with its interval and where it comes from.</summary>
/// <param name="Unit"><c>ratio</c>, <c>ms</c>, <c>µs</c>, <c>MB</c> or <c>KB</c>.</param>
/// <param name="Text">As people read it, e.g. <c>+4.2 ms over native</c>.</param>
/// <param name="Source">The cells it combines.</param>
public sealed record TradeOffFigureResponse(
    double Value,
    double Lower,
    double Upper,
    double Confidence,
    string Unit,
    string Text,
    TradeOffSourceResponse Source);

/// <summary>The leaderboard cells behind a figure: CPU keys weighted equally, one machine one vote.</summary>
/// <param name="Metric">The leaderboard metric, e.g. <c>instance-start</c> or <c>native-start:fork-exec</c>.</param>
/// <param name="Provisional">True with fewer than 3 machines in all.</param>
public sealed record TradeOffSourceResponse(
    string Metric,
    int Machines,
    int Submissions,
    bool Provisional,
    IReadOnlyList<TradeOffCellResponse> Cells);

/// <param name="Provisional">True with fewer than 3 machines on this CPU key.</param>
public sealed record TradeOffCellResponse(string CpuKey, int Machines, int Submissions, bool Provisional);

/// <summary>
/// The runtime against native for the service asked about: per request native costs <c>t + Q/N</c>, the runtime
/// <c>S·t + R/N</c>. Every range is taken over all combinations of its inputs' bounds.
/// </summary>
/// <param name="Against">What is compared, in words.</param>
/// <param name="AddedStartMs">R − Q: what one instance's start under the runtime adds to native's, in ms (negative: it saves).</param>
/// <param name="ExtraMsPerRequest">Δ = (S−1)·t + (R−Q)/N: what the runtime costs more per request, in ms (negative: less).</param>
/// <param name="NativeMsPerRequest">t + Q/N; null when Q is unknown.</param>
/// <param name="RuntimeMsPerRequest">S·t + R/N; null when Q is unknown.</param>
/// <param name="CostRatio">The runtime's cost per request over native's; null when Q is unknown.</param>
/// <param name="PaysOff">True when Δ &lt; 0 at the CPU time and requests asked about.</param>
/// <param name="BreakEvenCpuMs">t* = (Q−R) / (N·(S−1)): the CPU time per request where the runtime stops (or starts) paying off.</param>
/// <param name="BreakEvenRequests">N* = (Q−R) / ((S−1)·t): the requests per instance where it does.</param>
/// <param name="Summary">The answer in one sentence.</param>
/// <param name="Provisional">True when any figure used comes from fewer than 3 machines.</param>
public sealed record TradeOffComparisonResponse(
    string Against,
    TradeOffRangeResponse AddedStartMs,
    TradeOffRangeResponse ExtraMsPerRequest,
    double? NativeMsPerRequest,
    double? RuntimeMsPerRequest,
    TradeOffRangeResponse? CostRatio,
    bool PaysOff,
    TradeOffBreakEvenResponse BreakEvenCpuMs,
    TradeOffBreakEvenResponse BreakEvenRequests,
    string Summary,
    bool Provisional);

/// <summary>A derived number and the range its inputs' bounds allow.</summary>
public sealed record TradeOffRangeResponse(double Value, double Lower, double Upper);

/// <summary>Where the runtime's extra cost per request crosses zero.</summary>
/// <param name="PaysOff"><c>below</c> (the runtime pays off below <see cref="Value"/>: slower, but starts faster), <c>above</c> (faster, but starts slower), <c>always</c> or <c>never</c>.</param>
/// <param name="Value">The break-even point; null for <c>always</c> and <c>never</c>.</param>
/// <param name="Lower">The smallest break-even the inputs' bounds allow (0 when they allow none at all); null for <c>always</c> and <c>never</c>.</param>
/// <param name="Upper">The largest; null when unbounded (S may be 1) or for <c>always</c> and <c>never</c>.</param>
/// <param name="Certain">True when every combination of the inputs' bounds gives the same <see cref="PaysOff"/>.</param>
public sealed record TradeOffBreakEvenResponse(string PaysOff, double? Value, double? Lower, double? Upper, bool Certain);

/// <summary>A runtime version that lacks a figure for part of the mix.</summary>
/// <param name="Missing">The mix's metrics it has no figure for, e.g. <c>category:io</c>.</param>
public sealed record TradeOffIncompleteResponse(string Runtime, string Name, string Version, string Configuration, IReadOnlyList<string> Missing);
