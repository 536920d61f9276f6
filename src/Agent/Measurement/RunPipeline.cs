using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using NearNative.Agent.Files;
using NearNative.Agent.Machine;
using NearNative.Agent.Native;
using NearNative.Agent.Reports;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Suite;
using NearNative.Domain.Results;
using NearNative.Domain.Suite;

namespace NearNative.Agent.Measurement;

/// <summary>
/// The work behind <c>run</c>: verify the suite (or take the user's program), describe the machine, find the
/// runtimes, wait for a quiet machine, measure the rounds and assemble the unsigned result document.
/// </summary>
public sealed class RunPipeline(AgentContext context, IReadOnlyList<IRuntime> catalog)
{
    /// <summary>Checks <c>--runtimes</c> against the catalog before anything slow happens.</summary>
    public IReadOnlyList<IRuntime> Select(IReadOnlyList<string>? slugs)
    {
        if (slugs is null)
        {
            // Interpreters (hours on the full suite) and control rows run only when asked for by name.
            return [.. catalog.Where(r => r.RunsByDefault)];
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

    /// <param name="keyId">Id of the signing key the document names; empty when there is none yet (the key may be made after the run).</param>
    /// <param name="nonce">The document's nonce, fixed now so that sending the same file twice signs the same bytes.</param>
    /// <param name="notice">One-line messages for the user: skipped runtimes, waiting, warnings.</param>
    /// <param name="track">Wraps the measurement with live progress; gets the processes planned at first.</param>
    public async Task<RunOutcome> ExecuteAsync(
        RunSettings settings,
        string keyId,
        string nonce,
        Action<string> notice,
        Func<int, Func<Action<MeasurementProgress>, Task<MeasurementResult>>, Task<MeasurementResult>> track,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var selected = Select(settings.Runtimes);
        var custom = settings.Custom is { } program ? CustomRun.Open(program) : null;
        var suite = custom?.Suite ?? SuiteVerifier.Load(
            SuiteLocator.Locate(settings.SuiteDirectory, context.SuiteFromEnvironment, AppContext.BaseDirectory, Environment.CurrentDirectory));

        // Removed with everything in it when the run ends, however it ends.
        using var scratch = ScratchRoot.Create(settings.ScratchParent);
        var safety = ProductionSafety.Apply(settings.Pin);
        var machine = MachineDetector.Detect(context.Home);
        var (available, skipped) = await FindRuntimesAsync(selected, suite, custom is not null, notice, cancellationToken);
        var launcher = CreateLauncher(settings, safety, new ChildEnvironment(context.Home, scratch.TempPath), notice);
        var seed = settings.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        var runtimes = available.Select(a => a.Runtime).ToList();

        IReadOnlyList<WorkloadSpec> specs;
        MeasurementPlan plan;
        WritePlan? writes = null;
        if (custom is not null)
        {
            var checksum = await custom.ReferenceChecksumAsync(launcher, scratch.Path, settings.ProcessTimeout, cancellationToken);
            specs = [MeasurementPlans.CustomSpec(checksum)];
            plan = new MeasurementPlan(runtimes, [], [MeasurementPlans.CustomUnit(custom.Program, runtimes, checksum)], settings.RoundPolicy with { ColdStart = 0 },
                settings.EffectiveBudget, seed, settings.ProcessTimeout, scratch.Path, Environment.CurrentDirectory);
        }
        else
        {
            specs = suite.Manifest.SpecsFor(settings.Size);
            foreach (var notRun in MeasurementPlans.NotRun(suite, runtimes))
            {
                skipped.Add(notRun);
                notice($"{notRun.Name} does not run {string.Join(", ", notRun.Workloads!)}: {notRun.Reason}");
            }

            var (coldStart, workloads) = MeasurementPlans.SuiteUnits(suite, settings.Size, runtimes);
            writes = WritePlan.Compute(workloads, settings.RoundPolicy.Maximum, settings.EffectiveMaxWriteBytes);
            plan = new MeasurementPlan(runtimes, coldStart, writes.Apply(workloads), settings.RoundPolicy,
                settings.EffectiveBudget, seed, settings.ProcessTimeout, scratch.Path, suite.Directory);
        }

        foreach (var line in PlanLines.Describe(plan, writes))
        {
            notice(line);
        }

        var quiet = await QuietWait.WaitAsync(machine.Cpu.LogicalCores, settings.EffectiveMaxWait, notice, cancellationToken);

        // The budget is for the whole run except the bounded wait for a quiet machine: verifying the suite,
        // probing runtimes and compiling ahead of time (wasm2c) spend from it before the first round.
        var preparation = started.Elapsed - quiet.Waited;
        plan = plan with { Budget = RoundBudget.Remaining(settings.EffectiveBudget, preparation) };

        // Instance start runs after the rounds, on a few seconds the rounds may not spend.
        var instanceStart = custom is null && plan.Budget > TimeSpan.Zero
            ? new InstanceStartStage(launcher, NnSpawn.Locate(AppContext.BaseDirectory, out _), settings.Quick ? InstanceStartCounts.Quick : InstanceStartCounts.Full)
            : null;
        var reserve = instanceStart is null ? TimeSpan.Zero : InstanceStartStage.Reserve(plan.Budget, runtimes.Count(r => !r.IsNative));
        plan = plan with { Budget = plan.Budget - reserve };
        if (plan.Budget == TimeSpan.Zero)
        {
            notice($"warning: preparing the runtimes took {preparation.TotalSeconds:0} s, all of the {settings.EffectiveBudget.TotalSeconds:0} s budget; nothing is measured (raise --budget; compiled modules are cached for the next run)");
        }

        var noise = NoiseMonitor.Start(machine.Cpu.LogicalCores);
        var measured = await track(plan.MinimumProcesses, report => MeasurementSession.RunAsync(plan, launcher, noise, report, cancellationToken));
        var instanceStarts = instanceStart is null
            ? []
            : await instanceStart.RunAsync(suite, settings.Size, runtimes, plan.Budget + reserve - measured.Elapsed, notice, cancellationToken);
        var noiseReport = noise.Stop(quiet.Quiet);

        var document = new ResultDocument
        {
            Schema = ResultDocument.CurrentSchema,
            KeyId = keyId,
            CreatedAt = DateTimeOffset.UtcNow,
            Nonce = nonce,
            Agent = new AgentInfo(AgentVersion),
            Suite = custom is null ? new SuiteReference(suite.Manifest.Suite, settings.Size) : SuiteReference.Custom,
            Machine = machine,
            Run = new RunInfo(
                plan.Rounds.Minimum,
                seed,
                noiseReport.Noisy,
                Math.Round(noiseReport.LoadBefore, 2),
                Math.Round(noiseReport.LoadAfter, 2),
                Math.Round(noiseReport.StealPercent, 3),
                ColdStartRounds: measured.ColdStartRounds,
                MaxRounds: plan.Rounds.Maximum,
                BudgetSeconds: Math.Round(settings.EffectiveBudget.TotalSeconds, 1),
                StoppedBy: measured.StoppedBy,
                WorkloadRounds: measured.WorkloadRounds,
                WaitedSeconds: Math.Round(quiet.Waited.TotalSeconds, 1),
                CpuPressureBefore: quiet.CpuPressureAvg10,
                NoisyRounds: noiseReport.NoisyRounds,
                RoundNoise: noiseReport.Rounds,
                MemoryCapBytes: launcher.MeasuresMemory ? launcher.Limits.MemoryCapBytes : null,
                PeakRssMethod: launcher.MeasuresMemory ? RunInfo.ForkWait4Method : null,
                CustomModuleSha256: custom?.WasmSha256,
                MaxWriteBytes: writes?.CapBytes,
                PlannedWriteBytes: writes?.PlannedBytes,
                WriteCappedRounds: writes is { Capped: true } ? writes.CappedRounds : null),
            Runtimes = [.. available.Select(a => a.Info)],
            Samples = measured.Samples,
            Skipped = skipped,
            InstanceStarts = instanceStarts,
        };
        return new RunOutcome(document, specs, measured.Failures);
    }

    private async Task<(List<(IRuntime Runtime, RuntimeInfo Info)> Available, List<SkippedRuntime> Skipped)> FindRuntimesAsync(
        IReadOnlyList<IRuntime> selected,
        LoadedSuite suite,
        bool custom,
        Action<string> notice,
        CancellationToken cancellationToken)
    {
        var available = new List<(IRuntime Runtime, RuntimeInfo Info)>();
        var skipped = new List<SkippedRuntime>();
        void Skip(IRuntime runtime, string reason)
        {
            skipped.Add(new SkippedRuntime(runtime.Id, reason));
            notice($"skipping {runtime.Id}: {reason}");
        }

        foreach (var runtime in selected)
        {
            if (custom && !runtime.IsNative && (runtime.ArtifactKind != LoadedSuite.WasmArtifact || runtime.PreparesModules))
            {
                Skip(runtime, "it runs only the suite's own builds, not a user's module");
                continue;
            }

            var probe = await runtime.ProbeAsync(suite, cancellationToken);
            if (probe.Info is not { } info)
            {
                Skip(runtime, probe.SkipReason ?? "unavailable");
                continue;
            }

            var preparation = custom
                ? RuntimePreparation.NothingToDo
                : await runtime.PrepareAsync(suite, RuntimeCatalog.CacheDirectory(context.Home, runtime), cancellationToken);
            if (!preparation.IsReady)
            {
                Skip(runtime, preparation.FailureReason!);
                continue;
            }

            available.Add((runtime, preparation.Compiled.Count == 0
                ? info
                : info with { CompileNs = preparation.Compiled.ToDictionary(c => c.Workload, c => c.CompileNs, StringComparer.Ordinal) }));
        }

        return (available, skipped);
    }

    private MeasuredLauncher CreateLauncher(RunSettings settings, ProductionSafety safety, ChildEnvironment environment, Action<string> notice)
    {
        var nnExec = NnExec.Locate(AppContext.BaseDirectory, out var problem);
        if (nnExec is null)
        {
            notice($"warning: {problem}; peak memory is not measured and the memory cap is not enforced");
        }

        var limits = new ChildLimits(ChildLimits.LowestPriority, IdleIo: true, safety.PinnedCore, settings.EffectiveMemoryCapBytes);
        return new MeasuredLauncher(nnExec, limits, safety, environment, Path.Combine(context.Home, "run"));
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
