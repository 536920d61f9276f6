using System.Diagnostics;
using System.Text.RegularExpressions;
using NearNative.Agent.Measurement;
using NearNative.Agent.Suite;
using NearNative.Domain.Results;

namespace NearNative.Agent.Runtimes.CommandLine;

/// <summary>A runtime installed as a program, run through its <see cref="RuntimeDefinition"/>: one fresh process per sample.</summary>
public sealed class CommandLineRuntime(RuntimeDefinition definition) : IRuntime
{
    private static readonly TimeSpan VersionTimeout = TimeSpan.FromSeconds(20);

    private string _executable = definition.Executable;

    public RuntimeDefinition Definition => definition;

    public string Id => definition.Id;

    public string ArtifactKind => definition.ArtifactKind;

    public string InstallHint => definition.Install;

    public bool IsInterpreter => definition.Interpreter;

    public async Task<RuntimeProbe> ProbeAsync(LoadedSuite suite, CancellationToken cancellationToken)
    {
        var executable = Path.IsPathRooted(definition.Executable)
            ? File.Exists(definition.Executable) ? definition.Executable : null
            : ExecutableSearch.Find(definition.Executable);
        if (executable is null)
        {
            return RuntimeProbe.Unavailable(Path.IsPathRooted(definition.Executable)
                ? $"{definition.Executable} does not exist"
                : $"{definition.Executable} is not on PATH");
        }

        var versionCommand = string.Join(' ', [definition.Executable, .. definition.VersionArgs]);
        var result = await ProcessRunner.RunAsync(new ProcessStartInfo(executable, definition.VersionArgs), VersionTimeout, null, cancellationToken);
        if (result.ExitCode != 0)
        {
            return RuntimeProbe.Unavailable($"`{versionCommand}` failed ({(result.TimedOut ? "timed out" : $"exit code {result.ExitCode}")})");
        }

        var match = Regex.Match(result.Stdout + "\n" + result.StderrTail, definition.VersionPattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        if (!match.Success || match.Groups[1].Value.Length == 0)
        {
            return RuntimeProbe.Unavailable($"`{versionCommand}` printed no version matching {definition.VersionPattern}");
        }

        _executable = executable;
        var settings = new Dictionary<string, string>(definition.Settings) { ["command"] = definition.CommandTemplate };
        if (definition.Preopen.Count > 0)
        {
            settings["preopen"] = string.Join(' ', definition.Preopen);
        }

        return RuntimeProbe.Available(new RuntimeInfo(Id, definition.Name, match.Groups[1].Value.Trim(), definition.EffectiveConfiguration, settings));
    }

    public ProcessStartInfo CreateStartInfo(WorkloadInvocation invocation) =>
        new(_executable, definition.ExpandRun(invocation)) { WorkingDirectory = invocation.WorkingDirectory };
}
