using FluentValidation;
using FluentValidation.Results;
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

    public ResultDocumentValidator(SuiteCatalog suites, TimeProvider clock)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        _suites = suites;

        RuleFor(d => d.Schema).Equal(ResultDocument.CurrentSchema)
            .WithMessage($"Must be '{ResultDocument.CurrentSchema}'.");
        RuleFor(d => d.KeyId).Must(KeyId.IsWellFormed)
            .WithMessage($"Must be {KeyId.Length} lowercase hex digits.");
        RuleFor(d => d.CreatedAt).Must(at => at <= clock.GetUtcNow() + DocumentLimits.MaxClockSkew)
            .WithMessage($"Must not be more than {DocumentLimits.MaxClockSkew.TotalMinutes} minutes in the future.");
        RuleFor(d => d.Nonce).SafeText(DocumentLimits.MaxNonce).MinimumLength(DocumentLimits.MinNonce);
        RuleFor(d => d.Agent).NotNull().ChildRules(agent =>
            agent.RuleFor(a => a.Version).SafeText(DocumentLimits.MaxIdentifier));

        RuleFor(d => d.Suite).NotNull().ChildRules(suite =>
        {
            suite.RuleFor(s => s.Id).Must(id => suites.Find(id) is not null)
                .WithMessage(s => $"Unknown suite '{Truncate(s.Id)}'; this server knows {string.Join(", ", suites.Ids)}.");
            suite.RuleFor(s => s.Size).Must(SuiteManifest.IsKnownSize)
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
        });

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
        });

        RuleFor(d => d.Skipped).NotNull()
            .Must(s => s.Count <= DocumentLimits.MaxSkipped)
            .WithMessage($"Must list at most {DocumentLimits.MaxSkipped} skipped runtimes.");
        RuleForEach(d => d.Skipped).ChildRules(skipped =>
        {
            skipped.RuleFor(s => s.Name).SafeText(DocumentLimits.MaxName);
            skipped.RuleFor(s => s.Reason).SafeText(DocumentLimits.MaxReason);
        });

        RuleFor(d => d.Samples).NotNull()
            .Must(s => s.Count is >= 1 and <= DocumentLimits.MaxSamples)
            .WithMessage($"Must hold between 1 and {DocumentLimits.MaxSamples} samples.");
        RuleFor(d => d).Custom(ValidateSamples).When(d => d.Samples is { Count: <= DocumentLimits.MaxSamples } && d.Runtimes is not null);
    }

    /// <summary>Each sample against the declared runtimes, the suite's workloads and physical bounds; one pass, bounded errors.</summary>
    private void ValidateSamples(ResultDocument document, ValidationContext<ResultDocument> context)
    {
        var runtimes = document.Runtimes.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var manifest = _suites.Find(document.Suite?.Id);
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

            if (!runtimes.Contains(sample.Runtime))
            {
                Fail(nameof(Sample.Runtime), $"'{Truncate(sample.Runtime)}' is not a declared runtime.");
            }

            var workload = manifest?.Find(sample.Workload);
            if (manifest is not null && workload is null)
            {
                Fail(nameof(Sample.Workload), $"'{Truncate(sample.Workload)}' is not a workload of suite {manifest.Suite}.");
            }

            if (sample.WallNs is <= 0 or >= DocumentLimits.MaxNanoseconds)
            {
                Fail(nameof(Sample.WallNs), "Must be more than 0 and less than one hour.");
            }

            // The empty program's kernel does nothing, so a clock may well read 0 around it.
            var minimumKernel = workload?.IsStartup == true ? 0 : 1;
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
        }
    }

    private static bool IsLoad(double load) => double.IsFinite(load) && load is >= 0 and <= 1_000_000;

    private static string Truncate(string? text) =>
        text is null ? "" : text.Length <= DocumentLimits.MaxIdentifier ? text : text[..DocumentLimits.MaxIdentifier] + "…";
}
