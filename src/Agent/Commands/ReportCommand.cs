using System.CommandLine;
using NearNative.Agent.Reports;
using NearNative.Agent.Suite;
using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Commands;

/// <summary>
/// <c>report FILE</c>: the table <c>run</c> prints, computed again from a saved document's raw samples with this
/// agent's rules, so an old run can be read the way the server reads it today.
/// </summary>
public static class ReportCommand
{
    public static Command Create(AgentContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A result document written by `nearnative run --out FILE`." };
        var suite = CommonOptions.SuiteAsForRun();
        var command = new Command("report", "Print the ratios of a saved result document again, recomputed from its raw samples.") { file, suite };
        command.SetGuardedAction(context, (parsed, _) =>
        {
            var document = ResultFile.Read(parsed.GetRequiredValue(file));
            if (SuiteReference.IsCustom(document.Suite.Id))
            {
                throw AgentException.Usage("report reads runs of the suite; a run of your own program is reported when it runs");
            }

            var directory = CommonOptions.LocateSuite(context, parsed.GetValue(suite));
            var manifest = SuiteManifest.Load(Path.Combine(directory, SuiteLocator.ManifestFileName));
            if (manifest.Suite != document.Suite.Id || !SuiteManifest.IsKnownSize(document.Suite.Size))
            {
                throw AgentException.Usage($"the document ran suite {document.Suite.Id} ({document.Suite.Size}); the suite at {directory} is {manifest.Suite}");
            }

            ResultTable.Write(context.Out, document, manifest.SpecsFor(document.Suite.Size));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
