using System.CommandLine;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Suite;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Commands;

/// <summary><c>doctor</c>: which runtimes this machine has, their versions and the modules they would run, and how to install the rest.</summary>
public static class DoctorCommand
{
    public static Command Create(AgentContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON, for scripts." };
        var runtimeFile = new Option<string?>("--runtime-file") { Description = "Your own runtime definitions. Default: runtimes.json in the agent's home directory, if any.", HelpName = "FILE" };
        var suite = CommonOptions.SuiteAsForRun();
        var command = new Command("doctor", "List every runtime the agent knows: found or missing, version, SIMD or MVP modules, how to install.") { json, runtimeFile, suite };
        command.SetGuardedAction(context, async (parsed, cancellationToken) =>
        {
            var runtimes = RuntimeCatalog.All(context, parsed.GetValue(runtimeFile));
            var (suiteLine, loaded) = LoadSuite(context, parsed.GetValue(suite));
            var report = await DoctorReport.ExamineAsync(suiteLine, loaded, runtimes, cancellationToken);
            if (parsed.GetValue(json))
            {
                report.WriteJson(context.Out);
            }
            else
            {
                report.WriteText(context.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A missing or damaged suite is reported, not fatal: the runtimes can still be examined.</summary>
    private static (string Line, LoadedSuite Suite) LoadSuite(AgentContext context, string? option)
    {
        try
        {
            var directory = CommonOptions.LocateSuite(context, option);
            var loaded = SuiteVerifier.Load(directory);
            return ($"{loaded.Manifest.Suite}, {loaded.Manifest.Workloads.Count} workloads, verified ({directory})", loaded);
        }
        catch (AgentException e)
        {
            return ($"not usable: {e.Message}", new LoadedSuite("", new SuiteManifest("none", new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<string>>(), [])));
        }
    }
}
