namespace NearNative.Agent.Measurement;

/// <summary>One process to start: a workload under a runtime.</summary>
public sealed record ScheduledRun(string Workload, string Runtime);
