namespace NearNative.Domain.Results;

/// <summary>
/// Everything one agent run measured on one machine. The exact serialized bytes of this document
/// are what the contributor signs and what the server stores and publishes.
/// </summary>
public sealed record ResultDocument
{
    public const string CurrentSchema = "nearnative.result/1";

    public required string Schema { get; init; }

    /// <summary>Identifies the signing key; see <see cref="Signing.KeyId"/>.</summary>
    public required string KeyId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Random value so that two runs with identical samples still sign different bytes.</summary>
    public required string Nonce { get; init; }

    public required AgentInfo Agent { get; init; }

    public required SuiteReference Suite { get; init; }

    public required MachineInfo Machine { get; init; }

    public required RunInfo Run { get; init; }

    public required IReadOnlyList<RuntimeInfo> Runtimes { get; init; }

    public required IReadOnlyList<Sample> Samples { get; init; }

    /// <summary>Runtimes the agent looked for and could not use, with the reason; shown, never scored.</summary>
    public IReadOnlyList<SkippedRuntime> Skipped { get; init; } = [];

    /// <summary>Instance start in a running host per runtime, and native process starts for scale; empty in older documents.</summary>
    public IReadOnlyList<InstanceStart> InstanceStarts { get; init; } = [];
}
