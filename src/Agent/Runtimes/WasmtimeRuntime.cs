using System.Diagnostics;
using System.Reflection;
using NearNative.Agent.Measurement;
using NearNative.Agent.Native;
using NearNative.Agent.Suite;
using NearNative.Domain.Results;
using Wasmtime;

namespace NearNative.Agent.Runtimes;

/// <summary>
/// Wasmtime as it is deployed: each sample is a fresh process of the lean host <c>nn-wasmtime</c> (plain C over the
/// C API of the package's <c>libwasmtime.so</c>), so the process holds Wasmtime and a minimal host, not the agent.
/// Rows: the default compiles the module with Cranelift at start, as the Wasmtime CLI does; <see cref="Precompiled"/>
/// loads a module compiled once at preparation; <see cref="Pulley"/> is the declared interpreter row of the same engine;
/// <see cref="Mvp"/> runs the scalar builds as a control.
/// </summary>
public sealed class WasmtimeRuntime : IRuntime
{
    public const string Name = "wasmtime";
    public const string PulleyConfiguration = "pulley";
    public const string PrecompiledConfiguration = "precompiled";
    public const string HostSetting = "nn-wasmtime (C API, libwasmtime.so of the Wasmtime package)";

    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(20);

    private readonly string _hostDirectory;
    private readonly string _configuration;
    private readonly string? _target;
    private readonly WasmtimePrecompiler? _precompiler;
    private NnWasmtime? _host;

    private WasmtimeRuntime(string hostDirectory, string configuration, string? target, bool precompiled, string artifactKind = LoadedSuite.WasmArtifact)
    {
        _hostDirectory = hostDirectory;
        ArtifactKind = artifactKind;
        _configuration = configuration;
        _target = target;
        _precompiler = precompiled ? new WasmtimePrecompiler() : null;
    }

    /// <summary>The headline row: Cranelift compiles the module when the process starts.</summary>
    public static WasmtimeRuntime Default(string hostDirectory) => new(hostDirectory, RuntimeInfo.DefaultConfiguration, null, precompiled: false);

    /// <summary>Modules compiled once at preparation and deserialized by every measured process (compile cost reported apart).</summary>
    public static WasmtimeRuntime Precompiled(string hostDirectory) => new(hostDirectory, PrecompiledConfiguration, null, precompiled: true);

    /// <summary>Wasmtime's portable interpreter (target <c>pulley64</c>) instead of native code: the interpreter row.</summary>
    public static WasmtimeRuntime Pulley(string hostDirectory) => new(hostDirectory, PulleyConfiguration, WasmtimeTarget.Pulley64, precompiled: false);

    /// <summary>Control row: the scalar (MVP) builds, to measure what 128-bit SIMD is worth to Cranelift; runs only when named.</summary>
    public static WasmtimeRuntime Mvp(string hostDirectory) =>
        new(hostDirectory, "mvp", null, precompiled: false, LoadedSuite.WasmMvpArtifact);

    public static string DefaultHostDirectory => AppContext.BaseDirectory;

    public string Id => RuntimeInfo.SlugFor(Name, _configuration);

    public string ArtifactKind { get; }

    public bool IsInterpreter => _target is not null;

    public bool RunsByDefault => !IsInterpreter && ArtifactKind == LoadedSuite.WasmArtifact;

    public bool PreparesModules => _precompiler is not null;

    public string InstallHint => "ships with the agent (nn-wasmtime and the Wasmtime package's libwasmtime.so); reinstall the agent if either is missing";

    /// <summary>The Wasmtime version the package embeds, e.g. <c>50.0.1</c>; the lean host links the same library.</summary>
    public static string Version
    {
        get
        {
            var informational = typeof(Engine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(Engine).Assembly.GetName().Version?.ToString()
                ?? "unknown";
            var metadata = informational.IndexOf('+', StringComparison.Ordinal);
            return metadata >= 0 ? informational[..metadata] : informational;
        }
    }

    public async Task<RuntimeProbe> ProbeAsync(LoadedSuite suite, CancellationToken cancellationToken)
    {
        if (NnWasmtime.Locate(_hostDirectory, out var problem) is not { } host)
        {
            return RuntimeProbe.Unavailable(problem!);
        }

        // Starts the host once: a missing or broken library, or a target it refuses, is a skip line rather than N failed samples.
        var check = await ProcessRunner.RunAsync(new ProcessStartInfo(host.Path, NnWasmtime.CheckArguments(_target)), CheckTimeout, null, cancellationToken);
        if (check.ExitCode != 0)
        {
            var reason = check.StderrTail.Trim().Split('\n')[^1];
            return RuntimeProbe.Unavailable($"{NnWasmtime.FileName} cannot start Wasmtime" + (reason.Length > 0 ? ": " + reason : ""));
        }

        _host = host;
        var settings = new Dictionary<string, string> { ["host"] = HostSetting };
        if (_target is not null)
        {
            settings["target"] = _target;
        }

        if (_precompiler is not null)
        {
            settings["modules"] = WasmtimePrecompiler.Setting;
        }

        return RuntimeProbe.Available(new RuntimeInfo(Id, Name, Version, _configuration, settings));
    }

    public Task<RuntimePreparation> PrepareAsync(LoadedSuite suite, string cacheDirectory, CancellationToken cancellationToken) =>
        _precompiler is null ? Task.FromResult(RuntimePreparation.NothingToDo)
        : _host is null ? Task.FromResult(RuntimePreparation.Failed("not probed: call ProbeAsync first"))
        : _precompiler.PrepareAsync(_host, Version, suite, cacheDirectory, cancellationToken);

    public ProcessStartInfo CreateStartInfo(WorkloadInvocation invocation)
    {
        var host = _host ?? throw new InvalidOperationException($"{Id} was not probed: ProbeAsync must succeed before the first sample");
        var module = _precompiler is null ? invocation.ArtifactPath : _precompiler.CompiledPath(invocation.ArtifactPath, Id);
        return new ProcessStartInfo(host.Path, NnWasmtime.RunArguments(module, invocation.Arguments, invocation.Preopen, _target, _precompiler is not null))
        {
            WorkingDirectory = invocation.WorkingDirectory,
        };
    }

    /// <summary>The same host, engine and module form as the row's samples; one process starts every instance.</summary>
    public ProcessStartInfo? CreateInstanceStartInfo(InstanceStartInvocation invocation)
    {
        var host = _host ?? throw new InvalidOperationException($"{Id} was not probed: ProbeAsync must succeed before instance start");
        var module = _precompiler is null ? invocation.ModulePath : _precompiler.CompiledPath(invocation.ModulePath, Id);
        return new ProcessStartInfo(
            host.Path,
            NnWasmtime.InstancesArguments(module, invocation.Warmup, invocation.Count, invocation.Live, invocation.Arguments, _target, _precompiler is not null));
    }
}
