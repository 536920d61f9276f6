using System.Diagnostics;
using NearNative.Agent.Suite;
using NearNative.Domain.Results;

namespace NearNative.Agent.Runtimes;

/// <summary>
/// Wasmtime through its official .NET embedding, as a .NET application that embeds Wasmtime gets it: each sample
/// starts the agent again with the hidden <c>wasmtime-host</c> verb (<see cref="WasmtimeHost"/>), so the process
/// holds the .NET runtime as well as Wasmtime. Its own declared row, never the headline: start-up and memory
/// include .NET's. Kernel times are the same engine's as <see cref="WasmtimeRuntime"/>.
/// </summary>
public sealed class WasmtimeDotnetRuntime(AgentExecutable self) : IRuntime
{
    public const string Configuration = "dotnet";

    public string Id => RuntimeInfo.SlugFor(WasmtimeRuntime.Name, Configuration);

    public string ArtifactKind => LoadedSuite.WasmArtifact;

    public string InstallHint => "ships inside the agent (NuGet package Wasmtime); reinstall the agent if its native library is missing";

    public Task<RuntimeProbe> ProbeAsync(LoadedSuite suite, CancellationToken cancellationToken)
    {
        try
        {
            // Loads the native library once, so a missing or broken one is a skip line rather than N failed samples.
            using var engine = WasmtimeTarget.CreateEngine(null);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or Wasmtime.WasmtimeException
            or BadImageFormatException or NotSupportedException)
        {
            return Task.FromResult(RuntimeProbe.Unavailable("the embedded engine cannot load: " + e.Message));
        }

        return Task.FromResult(RuntimeProbe.Available(new RuntimeInfo(
            Id,
            WasmtimeRuntime.Name,
            WasmtimeRuntime.Version,
            Configuration,
            new Dictionary<string, string> { ["host"] = $".NET {Environment.Version} (Wasmtime .NET embedding, agent process)" })));
    }

    public ProcessStartInfo CreateStartInfo(WorkloadInvocation invocation) =>
        new(self.FileName, [
            .. self.LeadingArguments,
            WasmtimeHost.VerbName,
            .. invocation.Preopen ? [WasmtimeHost.PreopenCwdOption] : Array.Empty<string>(),
            invocation.ArtifactPath,
            "--",
            .. invocation.Arguments,
        ])
        {
            WorkingDirectory = invocation.WorkingDirectory,
        };
}
