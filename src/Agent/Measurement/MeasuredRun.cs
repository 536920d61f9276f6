namespace NearNative.Agent.Measurement;

/// <summary>One process of a <see cref="WorkloadUnit"/>: a workload, or its pre-initialised twin, under one runtime.</summary>
/// <param name="Workload">The sample's workload id, e.g. <c>inittable.preinit</c> for the twin.</param>
/// <param name="BaselineWorkload">The workload whose native samples this one's ratios divide by, and whose name the program prints.</param>
/// <param name="WholeProcess">Its figure is whole-process time (start-up workloads, user programs) rather than kernel time.</param>
public sealed record MeasuredRun(string Workload, string Runtime, string ArtifactPath, string BaselineWorkload, bool WholeProcess);
