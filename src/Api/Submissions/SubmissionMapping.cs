using System.Text.Json;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Api.Leaderboard;
using NearNative.Domain.Cpu;
using NearNative.Domain.Results;
using NearNative.Domain.Statistics;

namespace NearNative.Api.Submissions;

/// <summary>From a verified document and the server's own analysis to the stored entities, and from those to the wire.</summary>
public static class SubmissionMapping
{
    public static Submission ToEntity(
        string id,
        byte[] documentBytes,
        byte[] signature,
        ResultDocument document,
        IReadOnlyList<RuntimeAnalysis> analyses,
        DateTimeOffset receivedAt)
    {
        var reason = Plausibility.QuarantineReason(analyses);
        var instanceStarts = InstanceStartFigures.Of(document.InstanceStarts);
        double? NativeUs(string method) => instanceStarts.FirstOrDefault(f => f.Runtime == RuntimeInfo.NativeId && f.Method == method)?.MedianUs.Value;
        var cpu = document.Machine.Cpu;
        return new Submission
        {
            Id = id,
            KeyId = document.KeyId,
            ReceivedAt = receivedAt,
            CreatedAt = Timestamps.ForStorage(document.CreatedAt),
            Nonce = document.Nonce,
            Suite = document.Suite.Id,
            Size = document.Suite.Size,
            AgentVersion = document.Agent.Version,
            MachineId = document.Machine.MachineId,
            CpuKey = CpuKey.For(cpu),
            CpuArchitecture = cpu.Architecture,
            CpuVendor = cpu.Vendor,
            CpuBrand = cpu.Brand,
            CpuVirtualization = cpu.Virtualization,
            Noisy = document.Run.Noisy,
            Status = reason is null ? SubmissionStatus.Accepted : SubmissionStatus.Quarantined,
            QuarantineReason = reason,
            Document = documentBytes,
            Signature = signature,
            Runtimes = [.. analyses.Select((a, position) => ToEntity(id, a, position, InHost(instanceStarts, a.Runtime.Id)))],
            NativeForkExecUs = NativeUs(InstanceStart.ForkExec),
            NativePosixSpawnUs = NativeUs(InstanceStart.PosixSpawn),
            NativeNamespacedUs = NativeUs(InstanceStart.Namespaced),
        };
    }

    private static InstanceStartFigures? InHost(IReadOnlyList<InstanceStartFigures> figures, string runtimeId) =>
        figures.FirstOrDefault(f => f.Runtime == runtimeId && f.Method == InstanceStart.InHost);

    private static RuntimeResult ToEntity(string submissionId, RuntimeAnalysis analysis, int position, InstanceStartFigures? instanceStart) => new()
    {
        SubmissionId = submissionId,
        Slug = analysis.Runtime.Id,
        Position = position,
        Name = analysis.Runtime.Name,
        Version = analysis.Runtime.Version,
        Configuration = analysis.Runtime.Configuration,
        Settings = JsonSerializer.Serialize(analysis.Runtime.Settings),
        ExecutionValue = analysis.Execution?.Value,
        ExecutionLower = analysis.Execution?.Lower,
        ExecutionUpper = analysis.Execution?.Upper,
        ExecutionConfidence = analysis.Execution?.Confidence,
        ProcessValue = analysis.Process?.Value,
        ProcessLower = analysis.Process?.Lower,
        ProcessUpper = analysis.Process?.Upper,
        ProcessConfidence = analysis.Process?.Confidence,
        MemoryValue = analysis.Memory?.Value,
        MemoryLower = analysis.Memory?.Lower,
        MemoryUpper = analysis.Memory?.Upper,
        MemoryConfidence = analysis.Memory?.Confidence,
        StartupRatio = analysis.Startup?.Value,
        StartupLower = analysis.Startup?.Lower,
        StartupUpper = analysis.Startup?.Upper,
        StartupConfidence = analysis.Startup?.Confidence,
        StartupAddedMs = analysis.ColdStart.AddedMs?.Value,
        StartupAddedLower = analysis.ColdStart.AddedMs?.Lower,
        StartupAddedUpper = analysis.ColdStart.AddedMs?.Upper,
        StartupAddedConfidence = analysis.ColdStart.AddedMs?.Confidence,
        MemoryFloorMb = analysis.ColdStart.FloorMb?.Value,
        MemoryFloorLower = analysis.ColdStart.FloorMb?.Lower,
        MemoryFloorUpper = analysis.ColdStart.FloorMb?.Upper,
        MemoryFloorConfidence = analysis.ColdStart.FloorMb?.Confidence,
        NativeMemoryFloorMb = analysis.ColdStart.NativeFloorMb,
        PreinitGainValue = analysis.PreinitGain?.Value,
        PreinitGainLower = analysis.PreinitGain?.Lower,
        PreinitGainUpper = analysis.PreinitGain?.Upper,
        PreinitGainConfidence = analysis.PreinitGain?.Confidence,
        InstanceStartUs = instanceStart?.MedianUs.Value,
        InstanceStartLower = instanceStart?.MedianUs.Lower,
        InstanceStartUpper = instanceStart?.MedianUs.Upper,
        InstanceStartConfidence = instanceStart?.MedianUs.Confidence,
        InstanceStartP99Us = instanceStart?.P99Us,
        InstanceStarts = instanceStart?.Instances,
        InstanceDensityKb = instanceStart?.KbPerLiveInstance,
        Complete = analysis.Workloads.All(w => w.Status == WorkloadStatus.Ok),
        Workloads = [.. analysis.Workloads.Select((w, i) => new WorkloadResult
        {
            SubmissionId = submissionId,
            RuntimeSlug = analysis.Runtime.Id,
            Workload = w.Workload.Id,
            Position = i,
            Category = w.Workload.Category,
            Status = StatusText(w.Status),
            Pairs = w.Ratios.Count,
            Median = w.Ratio?.Value,
            Lower = w.Ratio?.Lower,
            Upper = w.Ratio?.Upper,
            Confidence = w.Ratio?.Confidence,
            ProcessMedian = w.Process?.Estimate.Value,
            ProcessLower = w.Process?.Estimate.Lower,
            ProcessUpper = w.Process?.Estimate.Upper,
            ProcessConfidence = w.Process?.Estimate.Confidence,
            MemoryMedian = w.Memory?.Estimate.Value,
            MemoryLower = w.Memory?.Estimate.Lower,
            MemoryUpper = w.Memory?.Estimate.Upper,
            MemoryConfidence = w.Memory?.Estimate.Confidence,
            WrongOutputs = w.WrongOutputs,
            Failures = w.Failures,
            Outliers = w.Outliers,
            Multimodal = w.Multimodal,
        })],
        Categories = [.. CategoryOrder(analysis).Select((category, i) => new CategoryResult
        {
            SubmissionId = submissionId,
            RuntimeSlug = analysis.Runtime.Id,
            Category = category,
            Position = i,
            Value = analysis.Categories[category]?.Value,
            Lower = analysis.Categories[category]?.Lower,
            Upper = analysis.Categories[category]?.Upper,
            Confidence = analysis.Categories[category]?.Confidence,
        })],
    };

    /// <summary>Categories in the order their first workload appears in the manifest.</summary>
    private static IEnumerable<string> CategoryOrder(RuntimeAnalysis analysis) =>
        analysis.Workloads.Select(w => w.Workload.Category).Distinct(StringComparer.Ordinal).Where(analysis.Categories.ContainsKey);

    public static SubmissionResponse ToResponse(Submission submission) => new(
        submission.Id,
        submission.KeyId,
        submission.ReceivedAt,
        submission.CreatedAt,
        submission.Suite,
        submission.Size,
        submission.AgentVersion,
        submission.MachineId,
        submission.CpuKey,
        submission.Noisy,
        submission.Status,
        submission.QuarantineReason,
        [.. submission.Runtimes.OrderBy(r => r.Position).Select(ToResponse)],
        new NativeStartResponse(submission.NativeForkExecUs, submission.NativePosixSpawnUs, submission.NativeNamespacedUs));

    private static RuntimeResultResponse ToResponse(RuntimeResult runtime) => new(
        runtime.Slug,
        runtime.Name,
        runtime.Version,
        runtime.Configuration,
        JsonSerializer.Deserialize<Dictionary<string, string>>(runtime.Settings) ?? [],
        Estimate(runtime.ExecutionValue, runtime.ExecutionLower, runtime.ExecutionUpper, runtime.ExecutionConfidence),
        runtime.ExecutionValue is { } slowdown ? Slowdown.Format(slowdown) : null,
        runtime.ExecutionValue is { } ratio ? Slowdown.SpeedPercent(ratio) : null,
        new StartupResponse(
            runtime.StartupRatio,
            runtime.StartupAddedMs,
            runtime.StartupLower,
            runtime.StartupUpper,
            Estimate(runtime.StartupAddedMs, runtime.StartupAddedLower, runtime.StartupAddedUpper, runtime.StartupAddedConfidence)),
        runtime.Complete,
        [.. runtime.Workloads.OrderBy(w => w.Position).Select(w => new WorkloadResultResponse(
            w.Workload,
            w.Category,
            w.Status,
            w.Pairs,
            Estimate(w.Median, w.Lower, w.Upper, w.Confidence),
            w.WrongOutputs,
            w.Failures,
            Estimate(w.ProcessMedian, w.ProcessLower, w.ProcessUpper, w.ProcessConfidence),
            Estimate(w.MemoryMedian, w.MemoryLower, w.MemoryUpper, w.MemoryConfidence),
            w.Outliers,
            w.Multimodal))],
        Estimate(runtime.ProcessValue, runtime.ProcessLower, runtime.ProcessUpper, runtime.ProcessConfidence),
        Estimate(runtime.MemoryValue, runtime.MemoryLower, runtime.MemoryUpper, runtime.MemoryConfidence),
        Estimate(runtime.PreinitGainValue, runtime.PreinitGainLower, runtime.PreinitGainUpper, runtime.PreinitGainConfidence),
        [.. runtime.Categories.OrderBy(c => c.Position).Select(c => new CategoryResultResponse(
            c.Category,
            Estimate(c.Value, c.Lower, c.Upper, c.Confidence)))],
        new MemoryFloorResponse(
            Estimate(runtime.MemoryFloorMb, runtime.MemoryFloorLower, runtime.MemoryFloorUpper, runtime.MemoryFloorConfidence),
            runtime.NativeMemoryFloorMb),
        new InstanceStartResponse(
            Estimate(runtime.InstanceStartUs, runtime.InstanceStartLower, runtime.InstanceStartUpper, runtime.InstanceStartConfidence),
            runtime.InstanceStartP99Us,
            runtime.InstanceDensityKb,
            runtime.InstanceStarts));

    private static EstimateResponse? Estimate(double? value, double? lower, double? upper, double? confidence) =>
        value is { } v && lower is { } l && upper is { } u && confidence is { } c ? new EstimateResponse(v, l, u, c) : null;

    private static string StatusText(WorkloadStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());
}
