using System.CommandLine;
using System.CommandLine.Parsing;
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
    private const long MinMemoryCap = 64L << 20;

    public static Command Create(AgentContext context)
    {
        var quick = new Option<bool>("--quick") { Description = "Small inputs and 6 rounds: a first look in a few minutes." };
        var output = new Option<string?>("--out") { Description = "Write the result document to this file (atomically).", HelpName = "FILE" };
        var runtimes = new Option<string[]?>("--runtimes")
        {
            Description = "Comma-separated runtimes to measure besides native, e.g. wasmtime,node. Default: all found.",
            HelpName = "a,b",
            CustomParser = result => [.. result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))],
        };
        var rounds = new Option<int?>("--rounds")
        {
            Description = $"Minimum measured rounds after the warm-up round; more while an interval is wider than ±2%. Default: {RunSettings.DefaultQuickRounds} with --quick, else {RunSettings.DefaultFullRounds}.",
            HelpName = "N",
            CustomParser = result => ParseRounds(result, "--rounds"),
        };
        var maxRounds = new Option<int?>("--max-rounds")
        {
            Description = $"Most measured rounds for a workload whose 95% interval is still wider than ±2%. Default: {RunSettings.DefaultMaxRounds}.",
            HelpName = "N",
            CustomParser = result => ParseRounds(result, "--max-rounds"),
        };
        var budget = new Option<TimeSpan?>("--budget")
        {
            Description = "Time budget of the whole measurement (e.g. 15m, 1h, 90s); no round starts that would overrun it. Default: 5m with --quick, else 15m.",
            HelpName = "DURATION",
            CustomParser = result => ParseDuration(result, "--budget", TimeSpan.FromSeconds(1)),
        };
        var maxWait = new Option<TimeSpan?>("--max-wait")
        {
            Description = "How long to wait for a quiet machine before measuring anyway (the run is then marked noisy). Default: 2m; 0 to not wait.",
            HelpName = "DURATION",
            CustomParser = result => ParseDuration(result, "--max-wait", TimeSpan.Zero),
        };
        var memoryCap = new Option<long?>("--memory-cap")
        {
            Description = "Kill a measured process whose resident memory exceeds this (e.g. 4G, 512M). Default: 4G.",
            HelpName = "SIZE",
            CustomParser = result => ParseSize(result, "--memory-cap", MinMemoryCap, "a size of at least 64M such as 4G"),
        };
        var maxWrite = new Option<long?>("--max-write")
        {
            Description = "Most bytes the file I/O workloads may write in the whole run (e.g. 4GiB, 500MB); they get fewer rounds, never smaller inputs. Default: 4GiB.",
            HelpName = "SIZE",
            CustomParser = result => ParseSize(result, "--max-write", 1, "a size such as 4GiB or 500MB"),
        };
        var scratch = new Option<string?>("--scratch")
        {
            Description = "Local directory for the I/O workloads' files and the children's temporary files (a fresh subdirectory, removed at the end). Default: the system temporary directory.",
            HelpName = "DIR",
        };
        var runtimeFile = new Option<string?>("--runtime-file")
        {
            Description = "Your own runtime definitions. Default: runtimes.json in the agent's home directory, if any.",
            HelpName = "FILE",
        };
        var seed = new Option<int?>("--seed") { Description = "Seed of the shuffled round order. Default: random (recorded in the result).", HelpName = "N" };
        var suite = new Option<string?>("--suite") { Description = "Suite directory. Default: $NEARNATIVE_SUITE, the suite next to the agent, or ./suite upwards.", HelpName = "DIR" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print exactly the document that would be sent; write and send nothing." };
        var json = new Option<bool>("--json") { Description = "Print the result document as JSON on stdout instead of the table." };
        var noPin = new Option<bool>("--no-pin") { Description = "Do not pin the agent and its children to one core." };
        var submit = new Option<bool>("--submit") { Description = "Sign the result and send it to --server when done." };
        var server = CommonOptions.Server(required: false);
        var wasm = new Option<string?>("--wasm") { Description = "Measure your own program instead of the suite: this module under every wasm runtime (needs --native).", HelpName = "FILE" };
        var native = new Option<string?>("--native") { Description = "The native build of the same program, the baseline (needs --wasm).", HelpName = "FILE" };
        var programArguments = new Argument<string[]>("args")
        {
            Description = "Arguments for your own program, after --.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var command = new Command("run", "Run the suite (or your own program) natively and under each WebAssembly runtime, and report the ratios.")
        {
            quick, output, runtimes, runtimeFile, rounds, maxRounds, budget, maxWait, memoryCap, maxWrite, scratch, seed, suite, dryRun, json, noPin, submit, server,
            wasm, native,
            programArguments,
        };
        command.Validators.Add(result =>
        {
            var custom = result.GetValue(wasm) is not null || result.GetValue(native) is not null;
            if (custom && result.GetValue(submit))
            {
                result.AddError("--submit: your own program is never sent to the leaderboard, which compares only its suites");
            }
            else if (result.GetValue(submit) && result.GetValue(server) is null)
            {
                result.AddError("--submit needs --server URL");
            }
            else if (custom && (result.GetValue(wasm) is null || result.GetValue(native) is null))
            {
                result.AddError("--wasm and --native go together: the module and the native build of the same program");
            }
            else if (!custom && result.GetValue(programArguments) is { Length: > 0 } extra)
            {
                result.AddError($"unexpected argument '{extra[0]}' (program arguments after -- need --wasm and --native)");
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
                Pin: !parsed.GetValue(noPin),
                parsed.GetValue(maxRounds),
                parsed.GetValue(budget),
                parsed.GetValue(maxWait),
                parsed.GetValue(memoryCap),
                parsed.GetValue(wasm) is { } module && parsed.GetValue(native) is { } baseline
                    ? new CustomProgram(Path.GetFullPath(module), Path.GetFullPath(baseline), parsed.GetValue(programArguments) ?? [])
                    : null,
                parsed.GetValue(scratch),
                parsed.GetValue(maxWrite));
            var outputs = new RunOutputs(parsed.GetValue(output), parsed.GetValue(dryRun), parsed.GetValue(json), parsed.GetValue(submit) ? parsed.GetValue(server) : null);
            return await ExecuteAsync(context, settings, outputs, parsed.GetValue(runtimeFile), cancellationToken);
        });
        return command;
    }

    private static int? ParseRounds(ArgumentResult result, string name) =>
        ParseValue<int>(
            result,
            name,
            text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxRounds ? n : null,
            $"a whole number from 1 to {MaxRounds}");

    private static long? ParseSize(ArgumentResult result, string name, long minimum, string expected) =>
        ParseValue<long>(result, name, text => ByteSizeText.TryParse(text, out var bytes) && bytes >= minimum ? bytes : null, expected);

    private static TimeSpan? ParseDuration(ArgumentResult result, string name, TimeSpan minimum) =>
        ParseValue<TimeSpan>(
            result,
            name,
            text => DurationText.TryParse(text, out var duration) && duration >= minimum ? duration : null,
            "a duration such as 90s, 15m or 1h");

    /// <summary>An option's one value, or one error line saying what was expected; null when the option is absent.</summary>
    private static T? ParseValue<T>(ArgumentResult result, string name, Func<string, T?> parse, string expected)
        where T : struct
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        if (parse(result.Tokens[0].Value) is { } value)
        {
            return value;
        }

        result.AddError($"{name} must be {expected}, not '{result.Tokens[0].Value}'");
        return null;
    }

    /// <param name="SubmitTo">Server to send the signed result to; null to keep it local.</param>
    public sealed record RunOutputs(string? OutFile, bool DryRun, bool Json, Uri? SubmitTo);

    public static async Task<int> ExecuteAsync(
        AgentContext context,
        RunSettings settings,
        RunOutputs outputs,
        string? runtimeFile,
        CancellationToken cancellationToken)
    {
        // A missing key should stop a --submit run before minutes of measuring, not after.
        if (outputs.SubmitTo is not null && settings.Custom is not null)
        {
            throw AgentException.Usage("--submit: your own program is never sent to the leaderboard, which compares only its suites");
        }

        var keys = new KeyStore(context.Home);
        if (outputs.SubmitTo is not null && !outputs.DryRun && !keys.Exists)
        {
            throw AgentException.Usage("--submit needs a signing key: run `nearnative keys init` and `keys register` first");
        }

        var pipeline = new RunPipeline(context, RuntimeCatalog.All(context, runtimeFile));
        var outcome = await pipeline.ExecuteAsync(
            settings,
            keyId: keys.TryGetKeyId() ?? DocumentSealer.NoKeyId,
            nonce: DocumentSealer.NewNonce(),
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
            ResultTable.Write(context.Out, outcome.Document, outcome.Specs);
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
