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
        var instanceStarts = InstanceStartFigures.Of(document.InstanceStarts);
        double? NativeUs(string method) => instanceStarts.FirstOrDefault(f => f.Runtime == RuntimeInfo.NativeId && f.Method == method)?.MedianUs.Value;
        var cpu = document.Machine.Cpu;
        List<RuntimeResult> runtimes = [.. analyses.Select((a, position) => ToEntity(id, a, position, InHost(instanceStarts, a.Runtime.Id)))];
        var reason = Plausibility.QuarantineReason(runtimes);
        return new Submission
        {
            Id = id,
            KeyId = document.KeyId,
            ReceivedAt = receivedAt,
            CreatedAt = Timestamps.ForStorage(document.CreatedAt),
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
            Runtimes = runtimes,
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
        Execution = Figure.From(analysis.Execution),
        Process = Figure.From(analysis.Process),
        Memory = Figure.From(analysis.Memory),
        StartupRatio = Figure.From(analysis.Startup),
        StartupAddedMs = Figure.From(analysis.ColdStart.AddedMs),
        MemoryFloorMb = Figure.From(analysis.ColdStart.FloorMb),
        NativeMemoryFloorMb = analysis.ColdStart.NativeFloorMb,
        PreinitGain = Figure.From(analysis.PreinitGain),
        InstanceStartUs = Figure.From(instanceStart?.MedianUs),
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
            Ratio = Figure.From(w.Ratio),
            Process = Figure.From(w.Process?.Estimate),
            Memory = Figure.From(w.Memory?.Estimate),
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
            Execution = Figure.From(analysis.Categories[category]),
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
        Estimate(runtime.Execution),
        runtime.Execution is { } slowdown ? Slowdown.Format(slowdown.Value) : null,
        runtime.Execution is { } ratio ? Slowdown.SpeedPercent(ratio.Value) : null,
        new StartupResponse(
            runtime.StartupRatio?.Value,
            runtime.StartupAddedMs?.Value,
            Interval(runtime.StartupRatio)?.Lower,
            Interval(runtime.StartupRatio)?.Upper,
            Estimate(runtime.StartupAddedMs)),
        runtime.Complete,
        [.. runtime.Workloads.OrderBy(w => w.Position).Select(w => new WorkloadResultResponse(
            w.Workload,
            w.Category,
            w.Status,
            w.Pairs,
            Estimate(w.Ratio),
            w.WrongOutputs,
            w.Failures,
            Estimate(w.Process),
            Estimate(w.Memory),
            w.Outliers,
            w.Multimodal))],
        Estimate(runtime.Process),
        Estimate(runtime.Memory),
        Estimate(runtime.PreinitGain),
        [.. runtime.Categories.OrderBy(c => c.Position).Select(c => new CategoryResultResponse(c.Category, Estimate(c.Execution)))],
        new MemoryFloorResponse(Estimate(runtime.MemoryFloorMb), runtime.NativeMemoryFloorMb),
        new InstanceStartResponse(
            Estimate(runtime.InstanceStartUs),
            runtime.InstanceStartP99Us,
            runtime.InstanceDensityKb,
            runtime.InstanceStarts));

    /// <summary>Only a figure with an interval of its own is an estimate; rows stored before intervals were have none.</summary>
    private static Figure? Interval(Figure? figure) => figure is { HasInterval: true } ? figure : null;

    private static EstimateResponse? Estimate(Figure? figure) =>
        Interval(figure) is { } f ? new EstimateResponse(f.Value, f.Lower, f.Upper, f.Confidence) : null;

    private static string StatusText(WorkloadStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());
}
