using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Options;
using NearNative.Api.Suites;
using NearNative.Domain.Cpu;
using NearNative.Domain.Results;
using NearNative.Domain.Signing;
using NearNative.Domain.Suite;

namespace NearNative.Api.Submissions;

/// <summary>
/// Schema limits and physical bounds of a signed result document. Everything in it came from a machine the
/// server does not control, so every string and array is bounded and every number checked.
/// </summary>
public sealed class ResultDocumentValidator : AbstractValidator<ResultDocument>
{
    /// <summary>Enough to fix a document; a broken one with 20,000 samples should not produce a 20,000-line answer.</summary>
    private const int MaxSampleErrors = 50;

    private readonly SuiteCatalog _suites;

    public ResultDocumentValidator(SuiteCatalog suites, TimeProvider clock, IOptions<SigningWindow> window)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        _suites = suites;

        RuleFor(d => d.Schema).Equal(ResultDocument.CurrentSchema)
            .WithMessage($"Must be '{ResultDocument.CurrentSchema}'.");
        RuleFor(d => d.KeyId).Must(KeyId.IsWellFormed)
            .WithMessage($"Must be {KeyId.Length} lowercase hex digits.");
        RuleFor(d => d.CreatedAt).Custom((createdAt, context) =>
        {
            if (window.Value.Check(createdAt, clock.GetUtcNow()) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
        RuleFor(d => d.Nonce).SafeText(DocumentLimits.MaxNonce).MinimumLength(DocumentLimits.MinNonce);
        RuleFor(d => d.Agent).NotNull().ChildRules(agent =>
            agent.RuleFor(a => a.Version).SafeText(DocumentLimits.MaxIdentifier));

        RuleFor(d => d.Suite).NotNull().ChildRules(suite =>
        {
            suite.RuleFor(s => s.Id).Must(id => suites.Find(id) is not null)
                .WithMessage(s => UnknownSuite(s.Id, suites));
            // A custom run's size is its own ('custom'); the suite id error already says why it is refused.
            suite.RuleFor(s => s.Size).Must(SuiteManifest.IsKnownSize)
                .When(s => !SuiteReference.IsCustom(s.Id))
                .WithMessage($"Must be '{SuiteManifest.QuickSize}' or '{SuiteManifest.FullSize}'.");
        });

        RuleFor(d => d.Suite)
            .Must(s => suites.Find(s.Id) is not { } manifest || manifest.Workloads.All(w => w.Checksums.ContainsKey(s.Size)))
            .When(d => d.Suite is not null && SuiteManifest.IsKnownSize(d.Suite.Size))
            .WithMessage(d => $"Suite {d.Suite.Id} has no expected checksums for size '{d.Suite.Size}'.");

        RuleFor(d => d.Machine).NotNull().ChildRules(machine =>
        {
            machine.RuleFor(m => m.MachineId).Must(MachineIdentity.IsWellFormed)
                .WithMessage($"Must be {MachineIdentity.Length} lowercase hex digits.");
            machine.RuleFor(m => m.MemoryBytes).InclusiveBetween(0, 1L << 50);
            machine.RuleFor(m => m.Cpu).NotNull().ChildRules(cpu =>
            {
                cpu.RuleFor(c => c.Architecture).SafeText(DocumentLimits.MaxMachineText);
                cpu.RuleFor(c => c.Vendor).SafeText(DocumentLimits.MaxMachineText);
                cpu.RuleFor(c => c.Brand).SafeText(DocumentLimits.MaxMachineText);
                cpu.RuleFor(c => c.Virtualization).SafeText(DocumentLimits.MaxMachineText);
                cpu.RuleFor(c => c.Family).InclusiveBetween(0, 65_535);
                cpu.RuleFor(c => c.Model).InclusiveBetween(0, 65_535);
                cpu.RuleFor(c => c.Stepping).InclusiveBetween(0, 65_535);
                cpu.RuleFor(c => c.LogicalCores).InclusiveBetween(1, DocumentLimits.MaxLogicalCores);
            });
            machine.RuleFor(m => m.Os).NotNull().ChildRules(os =>
            {
                os.RuleFor(o => o.Name).SafeText(DocumentLimits.MaxMachineText);
                os.RuleFor(o => o.Distribution).SafeText(DocumentLimits.MaxMachineText, allowEmpty: true);
                os.RuleFor(o => o.Kernel).SafeText(DocumentLimits.MaxMachineText, allowEmpty: true);
            });
        });

        RuleFor(d => d.Run).NotNull().ChildRules(run =>
        {
            run.RuleFor(r => r.Rounds).InclusiveBetween(1, DocumentLimits.MaxRound);
            run.RuleFor(r => r.LoadBefore).Must(IsLoad).WithMessage("Must be a finite load between 0 and 1,000,000.");
            run.RuleFor(r => r.LoadAfter).Must(IsLoad).WithMessage("Must be a finite load between 0 and 1,000,000.");
            run.RuleFor(r => r.StealPercent).InclusiveBetween(0, 100);
            run.RuleFor(r => r.ColdStartRounds).InclusiveBetween(0, DocumentLimits.MaxRound);
            run.RuleFor(r => r.MaxRounds).InclusiveBetween(0, DocumentLimits.MaxRound);
            run.RuleFor(r => r.BudgetSeconds).Must(s => double.IsFinite(s) && s is >= 0 and <= DocumentLimits.MaxBudgetSeconds)
                .WithMessage($"Must be between 0 and {DocumentLimits.MaxBudgetSeconds} seconds.");
            run.RuleFor(r => r.StoppedBy)
                .Must(s => s is null or RunInfo.StoppedSettled or RunInfo.StoppedMaxRounds or RunInfo.StoppedBudget)
                .WithMessage($"Must be '{RunInfo.StoppedSettled}', '{RunInfo.StoppedMaxRounds}' or '{RunInfo.StoppedBudget}'.");
            run.RuleFor(r => r.WaitedSeconds).Must(s => double.IsFinite(s) && s is >= 0 and <= DocumentLimits.MaxWaitedSeconds)
                .WithMessage($"Must be between 0 and {DocumentLimits.MaxWaitedSeconds} seconds.");
            run.RuleFor(r => r.CpuPressureBefore).Must(p => p is null || IsPercent(p.Value))
                .WithMessage("Must be a percentage between 0 and 100.");
            run.RuleFor(r => r.NoisyRounds).InclusiveBetween(0, DocumentLimits.MaxRoundNoise);
            run.RuleFor(r => r.NoisyRounds)
                .Must((r, noisy) => noisy <= r.RoundNoise!.Count)
                .When(r => r.RoundNoise is not null)
                .WithMessage("Must not exceed the number of rounds in roundNoise.");
            run.RuleFor(r => r.MemoryCapBytes).InclusiveBetween(1, DocumentLimits.MaxPeakRssBytes).When(r => r.MemoryCapBytes is not null);
            run.RuleFor(r => r.PeakRssMethod!).Identifier().When(r => r.PeakRssMethod is not null);
            run.RuleFor(r => r.MaxWriteBytes).InclusiveBetween(1, DocumentLimits.MaxWriteBytes).When(r => r.MaxWriteBytes is not null);
            run.RuleFor(r => r.PlannedWriteBytes).InclusiveBetween(0, DocumentLimits.MaxWriteBytes).When(r => r.PlannedWriteBytes is not null);
            run.RuleFor(r => r.RoundNoise).Must(n => n!.Count <= DocumentLimits.MaxRoundNoise)
                .When(r => r.RoundNoise is not null)
                .WithMessage($"Must hold at most {DocumentLimits.MaxRoundNoise} readings.");
        });

        // A custom run is refused on suite.id alone; a published suite's run has no module of its own.
        RuleFor(d => d.Run.CustomModuleSha256).Null()
            .When(d => d.Run is not null && !SuiteReference.IsCustom(d.Suite?.Id))
            .WithMessage("Only a run of the user's own module (suite 'custom') has one.");
        RuleFor(d => d).Custom(ValidateRoundNoise).When(d => d.Run?.RoundNoise is { Count: <= DocumentLimits.MaxRoundNoise });
        RuleFor(d => d).Custom((d, c) => ValidateWorkloadRounds(d, "Run.WorkloadRounds", d.Run.WorkloadRounds!, c)).When(d => d.Run?.WorkloadRounds is not null);
        RuleFor(d => d).Custom((d, c) => ValidateWorkloadRounds(d, "Run.WriteCappedRounds", d.Run.WriteCappedRounds!, c)).When(d => d.Run?.WriteCappedRounds is not null);

        RuleFor(d => d.Runtimes).NotNull()
            .Must(r => r.Count is >= 1 and <= DocumentLimits.MaxRuntimes)
            .WithMessage($"Must list between 1 and {DocumentLimits.MaxRuntimes} runtimes.")
            .Must(r => r.Select(x => x.Id).Distinct(StringComparer.Ordinal).Count() == r.Count)
            .WithMessage("Runtime ids must be unique.")
            .Must(r => r.Count(x => x.IsNative) == 1)
            .WithMessage($"Exactly one runtime must be the native baseline, id '{RuntimeInfo.NativeId}'.");
        RuleForEach(d => d.Runtimes).ChildRules(runtime =>
        {
            runtime.RuleFor(r => r.Id).Identifier();
            runtime.RuleFor(r => r.Name).SafeText(DocumentLimits.MaxName);
            runtime.RuleFor(r => r.Version).SafeText(DocumentLimits.MaxName);
            runtime.RuleFor(r => r.Configuration).Identifier();
            runtime.RuleFor(r => r.Settings).NotNull()
                .Must(s => s.Count <= DocumentLimits.MaxSettings)
                .WithMessage($"Must declare at most {DocumentLimits.MaxSettings} settings.")
                .Must(s => s.All(kv => kv.Key.Length is > 0 and <= DocumentLimits.MaxSettingKey && TextRules.IsSafe(kv.Key)
                    && kv.Value is not null && kv.Value.Length <= DocumentLimits.MaxSettingValue && TextRules.IsSafe(kv.Value)))
                .WithMessage($"Setting names must be 1 to {DocumentLimits.MaxSettingKey} characters, values at most {DocumentLimits.MaxSettingValue}, without control characters.");
            runtime.RuleFor(r => r.CompileNs!)
                .Must(c => c.Count <= DocumentLimits.MaxWorkloads
                    && c.All(kv => TextRules.IsSafe(kv.Key) && kv.Key.Length is > 0 and <= DocumentLimits.MaxName
                        && kv.Value is >= 0 and < DocumentLimits.MaxNanoseconds))
                .WithMessage($"Compile times must name at most {DocumentLimits.MaxWorkloads} workloads, each taking at least 0 and less than one hour.")
                .When(r => r.CompileNs is not null);
        });

        RuleFor(d => d.Skipped).NotNull()
            .Must(s => s.Count <= DocumentLimits.MaxSkipped)
            .WithMessage($"Must list at most {DocumentLimits.MaxSkipped} skipped runtimes.");
        RuleForEach(d => d.Skipped).ChildRules(skipped =>
        {
            skipped.RuleFor(s => s.Name).SafeText(DocumentLimits.MaxName);
            skipped.RuleFor(s => s.Reason).SafeText(DocumentLimits.MaxReason);
            skipped.RuleFor(s => s.Workloads!)
                .Must(w => w.Count is > 0 and <= DocumentLimits.MaxWorkloads
                    && w.All(id => id is { Length: > 0 and <= DocumentLimits.MaxName } && TextRules.IsSafe(id)))
                .WithMessage($"Must name 1 to {DocumentLimits.MaxWorkloads} workloads, each 1 to {DocumentLimits.MaxName} characters without control characters.")
                .When(s => s.Workloads is not null);
        });

        RuleFor(d => d.Samples).NotNull()
            .Must(s => s.Count is >= 1 and <= DocumentLimits.MaxSamples)
            .WithMessage($"Must hold between 1 and {DocumentLimits.MaxSamples} samples.");
        RuleFor(d => d).Custom(ValidateSamples).When(d => d.Samples is { Count: <= DocumentLimits.MaxSamples } && d.Runtimes is not null);
        RuleFor(d => d).Custom(InstanceStartRules.Validate);
    }

    /// <summary>Each sample against the declared runtimes, the suite's workloads and physical bounds; one pass, bounded errors.</summary>
    private void ValidateSamples(ResultDocument document, ValidationContext<ResultDocument> context)
    {
        // Duplicate ids are the runtimes rule's to report; here the first one counts.
        var runtimes = document.Runtimes.DistinctBy(r => r.Id, StringComparer.Ordinal).ToDictionary(r => r.Id, r => r.IsNative, StringComparer.Ordinal);
        var manifest = _suites.Find(document.Suite?.Id);
        var specs = WorkloadSpecs(manifest, document.Suite?.Size);
        var errors = 0;
        for (var i = 0; i < document.Samples.Count && errors < MaxSampleErrors; i++)
        {
            var sample = document.Samples[i];
            var path = $"Samples[{i}]";

            void Fail(string property, string message)
            {
                context.AddFailure(new ValidationFailure($"{path}.{property}", message));
                errors++;
            }

            if (sample is null)
            {
                context.AddFailure(new ValidationFailure(path, "Must not be null."));
                errors++;
                continue;
            }

            if (sample.Round is < 0 or > DocumentLimits.MaxRound)
            {
                Fail(nameof(Sample.Round), $"Must be between 0 and {DocumentLimits.MaxRound}.");
            }

            var declared = runtimes.TryGetValue(sample.Runtime, out var isNative);
            if (!declared)
            {
                Fail(nameof(Sample.Runtime), $"'{Truncate(sample.Runtime)}' is not a declared runtime.");
            }

            var workload = specs?.GetValueOrDefault(sample.Workload);
            if (specs is not null && workload is null)
            {
                Fail(nameof(Sample.Workload), $"'{Truncate(sample.Workload)}' is not a workload of suite {manifest!.Suite}.");
            }
            else if (workload is { IsPreinitTwin: true } && declared && isNative)
            {
                // The twin is compared with the base workload's native runs; native has no pre-initialised build.
                Fail(nameof(Sample.Workload), $"'{Truncate(sample.Workload)}' is a pre-initialised wasm twin; the native baseline runs '{workload.BaselineId}'.");
            }

            if (sample.WallNs is <= 0 or >= DocumentLimits.MaxNanoseconds)
            {
                Fail(nameof(Sample.WallNs), "Must be more than 0 and less than one hour.");
            }

            // The empty program's kernel does nothing, so a clock may well read 0 around it. An unknown workload
            // or suite is reported once above, not again as a kernel time for every sample.
            var minimumKernel = workload is { IsStartup: false } ? 1 : 0;
            if (sample.KernelNs is { } kernel && (kernel < minimumKernel || kernel >= DocumentLimits.MaxNanoseconds))
            {
                Fail(nameof(Sample.KernelNs), minimumKernel == 0
                    ? "Must be at least 0 and less than one hour."
                    : "Must be more than 0 and less than one hour.");
            }

            if (sample.PeakRssBytes is < 0 or > DocumentLimits.MaxPeakRssBytes)
            {
                Fail(nameof(Sample.PeakRssBytes), "Must be between 0 and 4 TiB.");
            }

            if (sample.Checksum is { } checksum && (checksum.Length > DocumentLimits.MaxIdentifier || !TextRules.IsSafe(checksum)))
            {
                Fail(nameof(Sample.Checksum), $"Must be at most {DocumentLimits.MaxIdentifier} characters without control characters.");
            }

            if (sample.PhasesNs is { } phases && PhasesError(phases) is { } phasesError)
            {
                Fail(nameof(Sample.PhasesNs), phasesError);
            }
        }
    }

    /// <summary>
    /// The workloads samples may name: the manifest's, plus their pre-initialised twins. Null when the suite
    /// or size is unknown, which the suite rules report once instead of once per sample.
    /// </summary>
    private static Dictionary<string, WorkloadSpec>? WorkloadSpecs(SuiteManifest? manifest, string? size) =>
        manifest is not null && SuiteManifest.IsKnownSize(size) && manifest.Workloads.All(w => w.Checksums.ContainsKey(size!))
            ? manifest.SpecsFor(size!).ToDictionary(w => w.Id, StringComparer.Ordinal)
            : null;

    private static string? PhasesError(IReadOnlyDictionary<string, long> phases)
    {
        if (phases.Count > DocumentLimits.MaxPhases)
        {
            return $"Must name at most {DocumentLimits.MaxPhases} phases.";
        }

        foreach (var (name, nanoseconds) in phases)
        {
            if (!TextRules.IsPhaseName(name))
            {
                return $"Phase name '{Truncate(name)}' must be a lowercase letter followed by at most {DocumentLimits.MaxPhaseName - 1} lowercase letters, digits or '-'.";
            }

            if (nanoseconds is < 0 or >= DocumentLimits.MaxNanoseconds)
            {
                return $"Phase '{name}' must take at least 0 and less than one hour.";
            }
        }

        return null;
    }

    private static string UnknownSuite(string? id, SuiteCatalog suites) =>
        SuiteReference.IsCustom(id)
            ? $"Custom suite '{Truncate(id)}' cannot be submitted: the leaderboard only compares runs of a published suite ({string.Join(", ", suites.Ids)}), whose bytes every runtime shares."
            : $"Unknown suite '{Truncate(id)}'; this server knows {string.Join(", ", suites.Ids)}.";

    /// <summary>Rounds per workload: the suite's workloads (twins included) only, each within the round limit.</summary>
    private void ValidateWorkloadRounds(ResultDocument document, string path, IReadOnlyDictionary<string, int> rounds, ValidationContext<ResultDocument> context)
    {
        var specs = WorkloadSpecs(_suites.Find(document.Suite?.Id), document.Suite?.Size);
        var limit = specs?.Count ?? DocumentLimits.MaxWorkloads;
        if (rounds.Count > limit)
        {
            context.AddFailure(path, $"Must name at most {limit} workloads.");
            return;
        }

        foreach (var (workload, count) in rounds)
        {
            if (specs is not null && !specs.ContainsKey(workload))
            {
                context.AddFailure(path, $"'{Truncate(workload)}' is not a workload of suite {document.Suite!.Id}.");
                return;
            }

            if (count is < 0 or > DocumentLimits.MaxRound)
            {
                context.AddFailure(path, $"Rounds of '{Truncate(workload)}' must be between 0 and {DocumentLimits.MaxRound}.");
                return;
            }
        }
    }

    /// <summary>Each round's noise reading within physical bounds; bounded errors, like the samples.</summary>
    private static void ValidateRoundNoise(ResultDocument document, ValidationContext<ResultDocument> context)
    {
        var run = document.Run;
        var errors = 0;
        for (var i = 0; i < run.RoundNoise!.Count && errors < MaxSampleErrors; i++)
        {
            var noise = run.RoundNoise[i];
            string? message = noise switch
            {
                null => "Must not be null.",
                { Phase: not (RoundNoise.ColdStartPhase or RoundNoise.WorkloadsPhase) } =>
                    $"Phase must be '{RoundNoise.ColdStartPhase}' or '{RoundNoise.WorkloadsPhase}'.",
                { Round: < 0 or > DocumentLimits.MaxRound } => $"Round must be between 0 and {DocumentLimits.MaxRound}.",
                _ when !IsLoad(noise.Load) => "Load must be a finite load between 0 and 1,000,000.",
                _ when !IsPercent(noise.StealPercent) => "StealPercent must be between 0 and 100.",
                { CpuPressurePercent: { } pressure } when !IsPercent(pressure) => "CpuPressurePercent must be between 0 and 100.",
                _ => null,
            };
            if (message is not null)
            {
                context.AddFailure(new ValidationFailure($"Run.RoundNoise[{i}]", message));
                errors++;
            }
        }
    }

    private static bool IsPercent(double value) => double.IsFinite(value) && value is >= 0 and <= 100;

    private static bool IsLoad(double load) => double.IsFinite(load) && load is >= 0 and <= 1_000_000;

    private static string Truncate(string? text) =>
        text is null ? "" : text.Length <= DocumentLimits.MaxIdentifier ? text : text[..DocumentLimits.MaxIdentifier] + "…";
}
