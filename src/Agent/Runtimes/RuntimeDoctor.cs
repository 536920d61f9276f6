using System.Text.Json;
using System.Text.Json.Serialization;
using NearNative.Agent.Suite;

namespace NearNative.Agent.Runtimes;

/// <summary>One runtime as <c>doctor</c> sees it.</summary>
/// <param name="Artifact"><c>native</c>, <c>simd</c> (the standard modules) or <c>mvp</c> (the scalar builds).</param>
/// <param name="Reason">Why it is missing; null when found.</param>
public sealed record DoctorEntry(
    string Id,
    bool Found,
    string? Version,
    string Artifact,
    bool Interpreter,
    bool RunsByDefault,
    string? Reason,
    string Install,
    IReadOnlyDictionary<string, string> Settings);

/// <summary>The report behind <c>nearnative doctor</c>: which runtimes this machine has, and how to get the others.</summary>
public sealed record DoctorReport(string Suite, IReadOnlyList<DoctorEntry> Runtimes)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<DoctorReport> ExamineAsync(string suiteLine, LoadedSuite suite, IReadOnlyList<IRuntime> runtimes, CancellationToken cancellationToken)
    {
        var entries = new List<DoctorEntry>(runtimes.Count);
        foreach (var runtime in runtimes)
        {
            var probe = await runtime.ProbeAsync(suite, cancellationToken);
            entries.Add(new DoctorEntry(
                runtime.Id,
                probe.Info is not null,
                probe.Info?.Version,
                Flavour(runtime.ArtifactKind),
                runtime.IsInterpreter,
                runtime.RunsByDefault,
                probe.Info is null ? probe.SkipReason ?? "unavailable" : null,
                runtime.InstallHint,
                probe.Info?.Settings ?? new Dictionary<string, string>()));
        }

        return new DoctorReport(suiteLine, entries);
    }

    public static string Flavour(string artifactKind) => artifactKind switch
    {
        LoadedSuite.NativeArtifact => "native",
        LoadedSuite.WasmArtifact => "simd",
        LoadedSuite.WasmMvpArtifact => "mvp",
        _ => artifactKind,
    };

    public void WriteText(TextWriter output)
    {
        output.WriteLine($"suite: {Suite}");
        var idWidth = Math.Max(7, Runtimes.Max(r => r.Id.Length));
        var versionWidth = Math.Max(7, Runtimes.Max(r => (r.Version ?? "-").Length));
        output.WriteLine($"{"runtime".PadRight(idWidth)}  {"status",-7}  {"version".PadRight(versionWidth)}  {"runs",-6}  notes");
        foreach (var entry in Runtimes)
        {
            var notes = entry.Found
                ? string.Join("; ", entry.Settings.Select(s => $"{s.Key}={s.Value}").Prepend(OnlyWhenNamed(entry)).OfType<string>())
                : $"{entry.Reason}" + (entry.Install.Length > 0 ? $"; install: {entry.Install}" : "");
            output.WriteLine($"{entry.Id.PadRight(idWidth)}  {(entry.Found ? "found" : "missing"),-7}  {(entry.Version ?? "-").PadRight(versionWidth)}  {entry.Artifact,-6}  {notes}".TrimEnd());
        }

        output.WriteLine($"{Runtimes.Count(r => r.Found)} of {Runtimes.Count} runtimes found; simd runs the standard modules, mvp the scalar builds (rows labelled mvp).");
    }

    private static string? OnlyWhenNamed(DoctorEntry entry) =>
        entry.RunsByDefault ? null : entry.Interpreter ? "interpreter: only when named in --runtimes" : "control row: only when named in --runtimes";

    public void WriteJson(TextWriter output) => output.WriteLine(JsonSerializer.Serialize(this, JsonOptions));
}
