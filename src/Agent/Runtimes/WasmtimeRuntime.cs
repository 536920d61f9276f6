using System.Diagnostics;
using System.Reflection;
using NearNative.Agent.Commands;
using NearNative.Agent.Suite;
using NearNative.Domain.Results;
using Wasmtime;

namespace NearNative.Agent.Runtimes;

/// <summary>
/// Wasmtime through its official .NET embedding. Each sample is a fresh process: the agent starts itself
/// again with the hidden <c>wasmtime-host</c> verb (<see cref="WasmtimeHost"/>), so no compiled code or
/// warmed-up state carries over from one sample to the next. The default configuration compiles with Cranelift;
/// <see cref="Pulley"/> is the declared interpreter row of the same engine.
/// </summary>
public sealed class WasmtimeRuntime : IRuntime
{
    public const string Name = "wasmtime";
    public const string PulleyConfiguration = "pulley";

    private readonly AgentExecutable _self;
    private readonly string _configuration;
    private readonly string? _target;

    public WasmtimeRuntime(AgentExecutable self)
        : this(self, RuntimeInfo.DefaultConfiguration, null)
    {
    }

    private WasmtimeRuntime(AgentExecutable self, string configuration, string? target)
    {
        _self = self;
        _configuration = configuration;
        _target = target;
    }

    /// <summary>Wasmtime's portable interpreter (target <c>pulley64</c>) instead of native code: the interpreter row.</summary>
    public static WasmtimeRuntime Pulley(AgentExecutable self) => new(self, PulleyConfiguration, WasmtimeTarget.Pulley64);

    public string Id => RuntimeInfo.SlugFor(Name, _configuration);

    public string ArtifactKind => LoadedSuite.WasmArtifact;

    public bool IsInterpreter => _target is not null;

    public string InstallHint => "ships inside the agent (NuGet package Wasmtime); reinstall the agent if its native library is missing";

    /// <summary>The Wasmtime version the NuGet package embeds, e.g. <c>50.0.1</c>.</summary>
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

    public Task<RuntimeProbe> ProbeAsync(LoadedSuite suite, CancellationToken cancellationToken)
    {
        try
        {
            // Loads the native library once, so a missing or broken one is a skip line rather than N failed samples.
            using var engine = WasmtimeTarget.CreateEngine(_target);
            if (_target is not null && !WasmtimeTarget.IsPulley(engine))
            {
                return Task.FromResult(RuntimeProbe.Unavailable($"the embedded engine ignored the target {_target}"));
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or WasmtimeException
            or BadImageFormatException or NotSupportedException)
        {
            return Task.FromResult(RuntimeProbe.Unavailable("the embedded engine cannot load: " + e.Message));
        }

        var settings = _target is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["target"] = _target };
        return Task.FromResult(RuntimeProbe.Available(new RuntimeInfo(Id, Name, Version, _configuration, settings)));
    }

    public ProcessStartInfo CreateStartInfo(WorkloadInvocation invocation) =>
        new(_self.FileName, [
            .. _self.LeadingArguments,
            WasmtimeHostCommand.Name,
            .. invocation.Preopen ? [WasmtimeHostCommand.PreopenCwdOption] : Array.Empty<string>(),
            .. _target is null ? Array.Empty<string>() : [WasmtimeHostCommand.TargetOption, _target],
            invocation.ArtifactPath,
            "--",
            .. invocation.Arguments,
        ])
        {
            WorkingDirectory = invocation.WorkingDirectory,
        };
}
