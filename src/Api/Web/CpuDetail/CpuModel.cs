using NearNative.Api.Cpus;
using NearNative.Api.Submissions;

namespace NearNative.Api.Web.CpuDetail;

/// <param name="Submissions">The newest submissions from machines with this CPU key, accepted and quarantined.</param>
public sealed record CpuModel(CpuDetailResponse Cpu, SubmissionPageResponse Submissions);
