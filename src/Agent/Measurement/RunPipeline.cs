using System.Reflection;
using System.Security.Cryptography;
using NearNative.Agent.Commands;
using NearNative.Agent.Machine;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Submission;
using NearNative.Agent.Suite;
using NearNative.Domain.Results;

namespace NearNative.Agent.Measurement;

/// <summary>
/// The work behind <c>run</c>: verify the suite, describe the machine, find the runtimes, measure the
/// rounds and assemble the unsigned result document.
/// </summary>
public sealed class RunPipeline(AgentContext context, IReadOnlyList<IRuntime> catalog)
{
    /// <summary>Checks <c>--runtimes</c> against the catalog before anything slow happens.</summary>
    public IReadOnlyList<IRuntime> Select(IReadOnlyList<string>? slugs)
    {
        if (slugs is null)
        {
            return catalog;
        }

        var known = catalog.Select(r => r.Id).ToList();
        var unknown = slugs.Where(s => !known.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            throw AgentException.Usage($"unknown runtime {string.Join(", ", unknown)}; known: {string.Join(", ", known)}");
        }

        // Native is the baseline of every ratio, so it always runs.
        return [.. catalog.Where(r => r.IsNative || slugs.Contains(r.Id))];
    }

    /// <param name="notice">One-line messages for the user: skipped runtimes, pinning.</param>
    /// <param name="track">Wraps the measurement with live progress.</param>
    public async Task<RunOutcome> ExecuteAsync(
        RunSettings settings,
        Action<string> notice,
        Func<int, Func<Action<MeasurementProgress>, Task<MeasurementResult>>, Task<MeasurementResult>> track,
        CancellationToken cancellationToken)
    {
        var selected = Select(settings.Runtimes);
        var directory = SuiteLocator.Locate(settings.SuiteDirectory, context.SuiteFromEnvironment, AppContext.BaseDirectory, Environment.CurrentDirectory);
        var suite = SuiteVerifier.Load(directory);

        var safety = ProductionSafety.Apply(settings.Pin);
        var noise = NoiseMonitor.Start();
        var machine = MachineDetector.Detect(context.Home);

        var available = new List<(IRuntime Runtime, RuntimeInfo Info)>();
        var skipped = new List<SkippedRuntime>();
        foreach (var runtime in selected)
        {
            var probe = await runtime.ProbeAsync(suite, cancellationToken);
            if (probe.Info is { } info)
            {
                available.Add((runtime, info));
            }
            else
            {
                skipped.Add(new SkippedRuntime(runtime.Id, probe.SkipReason ?? "unavailable"));
                notice($"skipping {runtime.Id}: {probe.SkipReason}");
            }
        }

        var seed = settings.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        var plan = new MeasurementPlan(suite, settings.Size, [.. available.Select(a => a.Runtime)], settings.EffectiveRounds, seed, settings.ProcessTimeout,
            Path.Combine(context.Home, "scratch"));
        var measured = await track(
            MeasurementSession.TotalProcesses(plan),
            report => MeasurementSession.RunAsync(plan, safety, report, cancellationToken));
        var quiet = noise.Stop(machine.Cpu.LogicalCores);

        var document = new ResultDocument
        {
            Schema = ResultDocument.CurrentSchema,
            KeyId = new KeyStore(context.Home).TryGetKeyId() ?? DocumentSealer.NoKeyId,
            CreatedAt = DateTimeOffset.UtcNow,
            Nonce = DocumentSealer.NewNonce(),
            Agent = new AgentInfo(AgentVersion),
            Suite = new SuiteReference(suite.Manifest.Suite, settings.Size),
            Machine = machine,
            Run = new RunInfo(
                plan.Rounds,
                seed,
                quiet.Noisy,
                Math.Round(quiet.LoadBefore, 2),
                Math.Round(quiet.LoadAfter, 2),
                Math.Round(quiet.StealPercent, 3)),
            Runtimes = [.. available.Select(a => a.Info)],
            Samples = measured.Samples,
            Skipped = skipped,
        };
        return new RunOutcome(document, suite, measured.Failures);
    }

    public static string AgentVersion
    {
        get
        {
            var version = typeof(RunPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var metadata = version.IndexOf('+', StringComparison.Ordinal);
            return metadata >= 0 ? version[..metadata] : version;
        }
    }
}
