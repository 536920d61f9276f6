namespace NearNative.Api.Data;

/// <summary>
/// One accepted or quarantined result document: the exact signed bytes plus everything the server
/// recomputed from them. Machine text (CPU brand, vendor, …) is untrusted and stored as reported.
/// </summary>
public sealed class Submission : ICpuKeyedRow
{
    /// <summary>SHA-256 of the signed document bytes, lowercase hex: the submission's identity.</summary>
    public required string Id { get; init; }

    public required string KeyId { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The document's nonce, unique per key: the same nonce with other bytes is a replay, not a new run.</summary>
    public required string Nonce { get; init; }

    public required string Suite { get; init; }

    public required string Size { get; init; }

    public required string AgentVersion { get; init; }

    public required string MachineId { get; init; }

    public required string CpuKey { get; init; }

    public required string CpuArchitecture { get; init; }

    public required string CpuVendor { get; init; }

    public required string CpuBrand { get; init; }

    public required string CpuVirtualization { get; init; }

    public required bool Noisy { get; init; }

    public required string Status { get; set; }

    public string? QuarantineReason { get; set; }

    public required byte[] Document { get; init; }

    public required byte[] Signature { get; init; }

    public required List<RuntimeResult> Runtimes { get; init; }

    /// <summary>Median microseconds to start the native empty program by fork and exec, for scale beside instance start.</summary>
    public double? NativeForkExecUs { get; init; }

    /// <summary>The same by posix_spawn.</summary>
    public double? NativePosixSpawnUs { get; init; }

    /// <summary>The same by fork into new user, PID, mount, network, IPC and UTS namespaces; null where the kernel forbids it.</summary>
    public double? NativeNamespacedUs { get; init; }
}

public static class SubmissionStatus
{
    public const string Accepted = "accepted";
    public const string Quarantined = "quarantined";
}
