using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Measurement;

/// <summary>A finished run: the document to write or send, and the workloads to judge it against.</summary>
/// <param name="Specs">What the analysis needs of each workload: the suite's at the run's size, or the one user program.</param>
public sealed record RunOutcome(ResultDocument Document, IReadOnlyList<WorkloadSpec> Specs, IReadOnlyList<string> Failures)
{
    public bool IsCustom => SuiteReference.IsCustom(Document.Suite.Id);
}
