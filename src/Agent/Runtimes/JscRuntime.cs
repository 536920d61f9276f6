using System.Diagnostics;
using System.Runtime.InteropServices;
using NearNative.Agent.Measurement;
using NearNative.Agent.Suite;
using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Runtimes;

/// <summary>
/// JavaScriptCore, WebKit's engine, through the <c>jsc</c> shell of Debian's <c>libjavascriptcoregtk-4.0-bin</c>,
/// running the module with our own WASI layer (<see cref="RunnerFileName"/>) and the engine's defaults. The shell
/// gives a script no file system, so workloads that do file I/O are not run (<see cref="CannotRun"/>).
/// </summary>
/// <param name="runnerPath">The WASI layer script.</param>
/// <param name="packagedLocations">Where Debian installs the shell off PATH, tried after PATH.</param>
public sealed class JscRuntime(string runnerPath, IReadOnlyList<string> packagedLocations) : IRuntime
{
    public const string Name = "jsc";
    public const string RunnerFileName = "jsc-wasi-runner.js";
    public const string NoFileSystemReason = "file I/O: the jsc shell gives its WASI layer no file system to preopen";

    /// <summary>JavaScriptCore reads <c>JSC_&lt;option&gt;</c> variables as engine options; the row runs the defaults.</summary>
    private const string OptionVariablePrefix = "JSC_";

    private string _executable = Name;

    public JscRuntime()
        : this(DefaultRunnerPath, DefaultPackagedLocations)
    {
    }

    public string Id => Name;

    public string ArtifactKind => LoadedSuite.WasmArtifact;

    public string InstallHint => "apt-get install libjavascriptcoregtk-4.0-bin (Debian, Ubuntu)";

    public static string DefaultRunnerPath => Path.Combine(AppContext.BaseDirectory, RunnerFileName);

    /// <summary>Older Debian releases ship the shell in the WebKitGTK library folder only.</summary>
    public static IReadOnlyList<string> DefaultPackagedLocations =>
    [
        $"/usr/lib/{(RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "aarch64" : "x86_64")}-linux-gnu/webkit2gtk-4.0/jsc",
    ];

    public string? CannotRun(WorkloadManifest workload) => workload.Scratch ? NoFileSystemReason : null;

    /// <summary>
    /// The shell cannot print a version, so it is the version of the Debian package that owns the executable
    /// (<c>dpkg-query --search</c>, then <c>--show</c>): the upstream WebKitGTK part is the version, the whole
    /// package version is declared. A jsc that no package owns is skipped: its version cannot be known.
    /// </summary>
    public async Task<RuntimeProbe> ProbeAsync(LoadedSuite suite, CancellationToken cancellationToken)
    {
        if ((ExecutableSearch.Find(Name) ?? packagedLocations.FirstOrDefault(File.Exists)) is not { } executable)
        {
            return RuntimeProbe.Unavailable("jsc is not on PATH");
        }

        if (!File.Exists(runnerPath))
        {
            return RuntimeProbe.Unavailable($"the WASI layer {RunnerFileName} is missing next to the agent");
        }

        var real = RealPath(executable);
        var owner = await DpkgQueryAsync(["--search", real], cancellationToken);
        var package = owner?.Split(':', 2)[0].Trim() ?? "";
        var packageVersion = package.Length == 0 ? null : await DpkgQueryAsync(["--show", "--showformat=${Version}", package], cancellationToken);
        if (string.IsNullOrWhiteSpace(packageVersion))
        {
            return RuntimeProbe.Unavailable($"cannot tell the version of {real}: the shell prints none and no Debian package owns it");
        }

        _executable = executable;
        return RuntimeProbe.Available(new RuntimeInfo(
            Id,
            Name,
            UpstreamVersion(packageVersion.Trim()),
            RuntimeInfo.DefaultConfiguration,
            new Dictionary<string, string>
            {
                ["package"] = $"{package} {packageVersion.Trim()}",
                ["wasi"] = $"nearnative {RunnerFileName} (no file system)",
            }));
    }

    /// <summary><c>jsc RUNNER -- MODULE ARGS</c>; never a preopen, the layer has no file system.</summary>
    public ProcessStartInfo CreateStartInfo(WorkloadInvocation invocation)
    {
        var startInfo = new ProcessStartInfo(_executable, [runnerPath, "--", invocation.ArtifactPath, .. invocation.Arguments])
        {
            WorkingDirectory = invocation.WorkingDirectory,
        };
        foreach (var variable in startInfo.Environment.Keys.Where(k => k.StartsWith(OptionVariablePrefix, StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(variable);
        }

        return startInfo;
    }

    /// <summary><c>2.50.6-1~deb12u2</c> → <c>2.50.6</c>; an epoch (<c>1:</c>) goes too.</summary>
    public static string UpstreamVersion(string packageVersion)
    {
        var upstream = packageVersion[(packageVersion.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var revision = upstream.LastIndexOf('-');
        return revision > 0 ? upstream[..revision] : upstream;
    }

    /// <summary>dpkg knows files by their real path: through an alternatives link, and <c>/bin</c> → <c>/usr/bin</c> on merged-/usr systems.</summary>
    private static string RealPath(string executable)
    {
        var file = File.ResolveLinkTarget(executable, returnFinalTarget: true)?.FullName ?? executable;
        var directory = Path.GetDirectoryName(file)!;
        return Path.Combine(Directory.ResolveLinkTarget(directory, returnFinalTarget: true)?.FullName ?? directory, Path.GetFileName(file));
    }

    private static async Task<string?> DpkgQueryAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (ExecutableSearch.Find("dpkg-query") is not { } dpkgQuery)
        {
            return null;
        }

        var result = await ProcessRunner.RunAsync(new ProcessStartInfo(dpkgQuery, arguments), TimeSpan.FromSeconds(20), null, cancellationToken);
        return result.ExitCode == 0 ? result.Stdout : null;
    }
}
