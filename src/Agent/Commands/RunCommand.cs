using System.CommandLine;
using System.Globalization;
using System.Text;
using NearNative.Agent.Files;
using NearNative.Agent.Measurement;
using NearNative.Agent.Reports;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Submission;
using NearNative.Domain.Results;

namespace NearNative.Agent.Commands;

/// <summary><c>run</c>: measure the suite natively and under each runtime, then report, write or send the result.</summary>
public static class RunCommand
{
    private const int MaxRounds = 1000;

    public static Command Create(AgentContext context)
    {
        var quick = new Option<bool>("--quick") { Description = "Small inputs and 6 rounds: a first look in about two minutes." };
        var output = new Option<string?>("--out") { Description = "Write the result document to this file (atomically).", HelpName = "FILE" };
        var runtimes = new Option<string[]?>("--runtimes")
        {
            Description = "Comma-separated runtimes to measure besides native, e.g. wasmtime,node. Default: all found.",
            HelpName = "a,b",
            CustomParser = result => [.. result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
        };
        var rounds = new Option<int?>("--rounds")
        {
            Description = $"Measured rounds after the warm-up round. Default: {RunSettings.DefaultQuickRounds} with --quick, else {RunSettings.DefaultFullRounds}.",
            HelpName = "N",
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    return null;
                }

                if (int.TryParse(result.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxRounds)
                {
                    return n;
                }

                result.AddError($"--rounds must be a whole number from 1 to {MaxRounds}, not '{result.Tokens[0].Value}'");
                return null;
            },
        };
        var seed = new Option<int?>("--seed") { Description = "Seed of the shuffled round order. Default: random (recorded in the result).", HelpName = "N" };
        var suite = new Option<string?>("--suite") { Description = "Suite directory. Default: $NEARNATIVE_SUITE, the suite next to the agent, or ./suite upwards.", HelpName = "DIR" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print exactly the document that would be sent; write and send nothing." };
        var json = new Option<bool>("--json") { Description = "Print the result document as JSON on stdout instead of the table." };
        var noPin = new Option<bool>("--no-pin") { Description = "Do not pin the agent and its children to one core." };
        var submit = new Option<bool>("--submit") { Description = "Sign the result and send it to --server when done." };
        var server = CommonOptions.Server(required: false);

        var command = new Command("run", "Run the suite natively and under each WebAssembly runtime, and report the ratios.")
        {
            quick, output, runtimes, rounds, seed, suite, dryRun, json, noPin, submit, server,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(submit) && result.GetValue(server) is null)
            {
                result.AddError("--submit needs --server URL");
            }
        });

        command.SetGuardedAction(context, async (parsed, cancellationToken) =>
        {
            var settings = new RunSettings(
                parsed.GetValue(quick),
                // An absent option parses as an empty list, which means "all", not "none".
                parsed.GetValue(runtimes) is { Length: > 0 } selected ? selected : null,
                parsed.GetValue(rounds),
                parsed.GetValue(seed),
                parsed.GetValue(suite),
                Pin: !parsed.GetValue(noPin));
            var outputs = new RunOutputs(parsed.GetValue(output), parsed.GetValue(dryRun), parsed.GetValue(json), parsed.GetValue(submit) ? parsed.GetValue(server) : null);
            return await ExecuteAsync(context, settings, outputs, cancellationToken);
        });
        return command;
    }

    /// <param name="SubmitTo">Server to send the signed result to; null to keep it local.</param>
    public sealed record RunOutputs(string? OutFile, bool DryRun, bool Json, Uri? SubmitTo);

    public static async Task<int> ExecuteAsync(AgentContext context, RunSettings settings, RunOutputs outputs, CancellationToken cancellationToken)
    {
        // A missing key should stop a --submit run before minutes of measuring, not after.
        var keys = new KeyStore(context.Home);
        if (outputs.SubmitTo is not null && !outputs.DryRun && !keys.Exists)
        {
            throw AgentException.Usage("--submit needs a signing key: run `nearnative keys init` and `keys register` first");
        }

        var pipeline = new RunPipeline(context, RuntimeCatalog.All(context.Self));
        var outcome = await pipeline.ExecuteAsync(
            settings,
            context.Error.WriteLine,
            (total, work) => LiveProgress.TrackAsync(context.Error, total, work),
            cancellationToken);
        foreach (var failure in outcome.Failures)
        {
            context.Error.WriteLine($"failed: {failure}");
        }

        var bytes = ResultJson.Serialize(outcome.Document);
        if (outputs.DryRun)
        {
            context.Out.Write(Encoding.UTF8.GetString(bytes));
            context.Out.Flush();
            context.Error.WriteLine();
            context.Error.WriteLine($"dry run: the {bytes.Length} bytes above are what would be signed and sent; nothing was written or sent");
            return ExitCodes.Ok;
        }

        if (outputs.OutFile is { } path)
        {
            await AtomicFile.WriteAsync(path, bytes, cancellationToken);
            context.Error.WriteLine($"wrote {path}");
        }

        if (outputs.Json)
        {
            context.Out.WriteLine(Encoding.UTF8.GetString(bytes));
        }
        else
        {
            ResultTable.Write(context.Out, outcome.Document, outcome.Suite.Manifest);
        }

        if (outputs.SubmitTo is { } serverUrl)
        {
            using var key = keys.Load();
            using var client = new ServerClient(serverUrl, context.Http);
            Submitter.Print(context, await Submitter.SubmitAsync(client, outcome.Document, key, cancellationToken));
        }

        return ExitCodes.Ok;
    }
}
