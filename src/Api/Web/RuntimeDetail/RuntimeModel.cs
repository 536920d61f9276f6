using NearNative.Api.Runtimes;

namespace NearNative.Api.Web.RuntimeDetail;

/// <param name="Groups">One per size and architecture, full size and x86-64 first.</param>
/// <param name="Workloads">The suite's non-start-up workloads as (metric id, workload id), in suite order.</param>
public sealed record RuntimeModel(RuntimeDetailResponse Runtime, IReadOnlyList<RuntimeGroup> Groups, IReadOnlyList<(string Metric, string Workload)> Workloads);

/// <param name="Versions">Oldest first.</param>
/// <param name="Newest">The version submitted most recently, whose charts the group shows.</param>
/// <param name="WorkloadFigures">The newest version's figure per workload metric id.</param>
public sealed record RuntimeGroup(
    string Size,
    string Architecture,
    IReadOnlyList<RuntimeVersionResponse> Versions,
    RuntimeVersionResponse Newest,
    IReadOnlyDictionary<string, RuntimeFigureResponse> WorkloadFigures);
