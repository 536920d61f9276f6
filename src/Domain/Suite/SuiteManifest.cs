using System.Text.Json;
using System.Text.Json.Serialization;

namespace NearNative.Domain.Suite;

/// <summary>The pinned description of one suite version: <c>suite/manifest.json</c>.</summary>
public sealed record SuiteManifest(
    string Suite,
    IReadOnlyDictionary<string, string> Toolchain,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Flags,
    IReadOnlyList<WorkloadManifest> Workloads)
{
    public const string QuickSize = "quick";
    public const string FullSize = "full";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static SuiteManifest Parse(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<SuiteManifest>(utf8, JsonOptions)
        ?? throw new JsonException("The manifest is empty.");

    public static SuiteManifest Load(string path) => Parse(File.ReadAllBytes(path));

    public static bool IsKnownSize(string? size) => size is QuickSize or FullSize;

    public WorkloadManifest? Find(string workloadId) => Workloads.FirstOrDefault(w => w.Id == workloadId);

    /// <summary>
    /// What the analysis needs to know of each workload at one size, plus one entry per pre-initialised
    /// twin (<c>inittable.preinit</c>), which wasm runtimes run and which pairs with the base workload's native samples.
    /// </summary>
    public IReadOnlyList<WorkloadSpec> SpecsFor(string size) =>
    [
        .. Workloads.SelectMany(w =>
        {
            var spec = new WorkloadSpec(w.Id, w.Category, w.Checksums[size]) { OptIn = !WriteBudget.FitsDefaultRun(w.WritesFor(size)) };
            return w.Artifacts.ContainsKey(WorkloadManifest.PreinitArtifact)
                ? new[] { spec, spec with { Id = w.Id + WorkloadSpec.PreinitSuffix, BaselineId = w.Id } }
                : [spec];
        }),
    ];
}

/// <param name="Scratch">
/// The workload does file I/O in its current directory: the agent gives each process a fresh empty
/// directory there, and wasm runtimes preopen it as <c>.</c>.
/// </param>
/// <param name="WritesBytes">
/// Bytes one process writes to files at each size, for a workload with <see cref="Scratch"/>; the agent's write cap
/// plans with it. The suite build measures it: half the bytes the native build reports moving, since every file I/O
/// workload reads back what it writes.
/// </param>
public sealed record WorkloadManifest(
    string Id,
    string Category,
    string Description,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Sizes,
    IReadOnlyDictionary<string, string> Checksums,
    IReadOnlyDictionary<string, ArtifactManifest> Artifacts,
    bool Scratch = false,
    IReadOnlyDictionary<string, long>? WritesBytes = null)
{
    public const string StartupCategory = "startup";

    /// <summary>Artifact kind of the Wizer pre-initialised twin.</summary>
    public const string PreinitArtifact = "wasmPreinit";

    [JsonIgnore]
    public bool IsStartup => Category == StartupCategory;

    /// <summary>Bytes one process writes at <paramref name="size"/>; 0 for a workload that writes no files.</summary>
    public long WritesFor(string size) => WritesBytes?.GetValueOrDefault(size) ?? 0;
}

public sealed record ArtifactManifest(string Path, string Sha256);

/// <param name="ExpectedChecksum">The checksum the native build prints at the run's size; any other output is wrong.</param>
public sealed record WorkloadSpec(string Id, string Category, string ExpectedChecksum)
{
    /// <summary>The program that does nothing: its whole-process time is the runtime's cold start.</summary>
    public const string ColdStartId = "empty";

    /// <summary>Workload id suffix of a pre-initialised twin: <c>inittable.preinit</c>.</summary>
    public const string PreinitSuffix = ".preinit";

    /// <summary>The workload whose native samples this one is compared with: itself, except for a twin.</summary>
    public string BaselineId { get; init; } = Id;

    public bool IsPreinitTwin => BaselineId != Id;

    public bool IsStartup => Category == WorkloadManifest.StartupCategory;

    public bool IsColdStart => Id == ColdStartId;

    /// <summary>
    /// The workload writes too much for a default run (<see cref="WriteBudget.FitsDefaultRun"/>): it is measured only
    /// when the contributor raises the write cap, gets its own figure, and never enters the overall or category figures,
    /// so every submission's overall figure covers the same workloads.
    /// </summary>
    public bool OptIn { get; init; }
}
