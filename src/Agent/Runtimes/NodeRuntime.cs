using System.Diagnostics;
using System.Globalization;
using NearNative.Agent.Measurement;
using NearNative.Agent.Suite;
using NearNative.Domain.Results;

namespace NearNative.Agent.Runtimes;

/// <summary>
/// Node.js from PATH, running the module through <c>node:wasi</c> with a small runner script. The default
/// configuration is the headline row; <see cref="NoLiftoff"/> is the declared eager-optimisation row.
/// </summary>
public sealed class NodeRuntime : IRuntime
{
    public const string Name = "node";
    public const string RunnerFileName = "node-wasi-runner.mjs";

    /// <summary>The instance-start host, shipped beside the runner script.</summary>
    public const string InstancesFileName = "node-wasi-instances.mjs";

    /// <summary>
    /// Always passed: Node 20 crashes at random on modules with large memories unless fast API calls are
    /// off, and experimental-feature warnings would pollute stderr.
    /// </summary>
    private static readonly string[] BaseFlags = ["--no-turbo-fast-api-calls", "--no-warnings"];

    private readonly string _configuration;
    private readonly string[] _flags;
    private readonly string _runnerPath;
    private string _executable = Name;

    private NodeRuntime(string configuration, string[] extraFlags, string runnerPath, string artifactKind = LoadedSuite.WasmArtifact)
    {
        _configuration = configuration;
        ArtifactKind = artifactKind;
        _flags = [.. BaseFlags, .. extraFlags];
        _runnerPath = runnerPath;
    }

    public string Id => RuntimeInfo.SlugFor(Name, _configuration);

    public string ArtifactKind { get; }

    /// <summary>The scalar control row runs only when named.</summary>
    public bool RunsByDefault => ArtifactKind == LoadedSuite.WasmArtifact;

    public string InstallHint => "Node.js 20 or newer from nodejs.org, or apt-get install nodejs";

    public static NodeRuntime Default(string runnerPath) => new(RuntimeInfo.DefaultConfiguration, [], runnerPath);

    /// <summary>No baseline tier: every function goes straight to the optimising compiler.</summary>
    public static NodeRuntime NoLiftoff(string runnerPath) => new("no-liftoff", ["--no-liftoff"], runnerPath);

    /// <summary>Control row: the scalar (MVP) builds under default Node, to measure what 128-bit SIMD is worth to V8.</summary>
    public static NodeRuntime Mvp(string runnerPath) => new("mvp", [], runnerPath, LoadedSuite.WasmMvpArtifact);

    public static string DefaultRunnerPath => Path.Combine(AppContext.BaseDirectory, RunnerFileName);

    public async Task<RuntimeProbe> ProbeAsync(LoadedSuite suite, CancellationToken cancellationToken)
    {
        if (ExecutableSearch.Find(Name) is not { } executable)
        {
            return RuntimeProbe.Unavailable("node is not on PATH");
        }

        if (!File.Exists(_runnerPath))
        {
            return RuntimeProbe.Unavailable($"the runner script {RunnerFileName} is missing next to the agent");
        }

        var result = await ProcessRunner.RunAsync(new ProcessStartInfo(executable, ["--version"]), TimeSpan.FromSeconds(20), null, cancellationToken);
        var version = result.Stdout.Trim().TrimStart('v');
        if (result.ExitCode != 0 || version.Length == 0)
        {
            return RuntimeProbe.Unavailable("`node --version` failed");
        }

        _executable = executable;
        return RuntimeProbe.Available(new RuntimeInfo(
            Id,
            Name,
            version,
            _configuration,
            new Dictionary<string, string> { ["flags"] = string.Join(' ', _flags) }));
    }

    public ProcessStartInfo CreateStartInfo(WorkloadInvocation invocation) =>
        new(_executable, [.. _flags, _runnerPath, .. invocation.Preopen ? ["--preopen-cwd"] : Array.Empty<string>(), invocation.ArtifactPath, .. invocation.Arguments])
        {
            WorkingDirectory = invocation.WorkingDirectory,
        };

    /// <summary>With the row's own flags; null when the script is missing next to the runner, which costs only this figure.</summary>
    public ProcessStartInfo? CreateInstanceStartInfo(InstanceStartInvocation invocation)
    {
        var script = Path.Combine(Path.GetDirectoryName(_runnerPath) ?? "", InstancesFileName);
        if (!File.Exists(script))
        {
            return null;
        }

        int[] counts = [invocation.Warmup, invocation.Count, invocation.Live];
        return new ProcessStartInfo(
            _executable,
            [.. _flags, script, invocation.ModulePath, .. counts.Select(n => n.ToString(CultureInfo.InvariantCulture)), .. invocation.Arguments]);
    }
}
