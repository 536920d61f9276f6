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
/// warmed-up state carries over from one sample to the next.
/// </summary>
public sealed class WasmtimeRuntime(AgentExecutable self) : IRuntime
{
    public const string Name = "wasmtime";

    public string Id => Name;

    public string ArtifactKind => LoadedSuite.WasmArtifact;

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
            using var engine = new Engine();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or WasmtimeException or BadImageFormatException)
        {
            return Task.FromResult(RuntimeProbe.Unavailable("the embedded engine cannot load: " + e.Message));
        }

        // Defaults throughout: no settings to declare.
        return Task.FromResult(RuntimeProbe.Available(
            new RuntimeInfo(Id, Name, Version, RuntimeInfo.DefaultConfiguration, new Dictionary<string, string>())));
    }

    public ProcessStartInfo CreateStartInfo(WorkloadInvocation invocation) =>
        new(self.FileName, [
            .. self.LeadingArguments,
            WasmtimeHostCommand.Name,
            .. invocation.Preopen ? [WasmtimeHostCommand.PreopenCwdOption] : Array.Empty<string>(),
            invocation.ArtifactPath,
            "--",
            .. invocation.Arguments,
        ])
        {
            WorkingDirectory = invocation.WorkingDirectory,
        };
}
