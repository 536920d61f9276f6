namespace NearNative.Domain.Results;

/// <summary>
/// How the run was conducted, so a reader can judge the numbers. Every field after <see cref="StealPercent"/>
/// was added later and has a default, so documents written before it still parse.
/// </summary>
/// <param name="Rounds">The minimum of measured rounds asked for; workloads whose interval stayed wide got more (<see cref="WorkloadRounds"/>).</param>
/// <param name="Seed">Seed of the shuffled round order.</param>
/// <param name="Noisy">True when the machine was busy before or during the run; the samples are kept and the run is labelled.</param>
/// <param name="LoadBefore">One-minute load average when measuring started.</param>
/// <param name="StealPercent">CPU time the hypervisor gave to others over the whole run, in percent.</param>
/// <param name="ColdStartRounds">Measured rounds of the empty program (cold start), run in their own shuffled rounds.</param>
/// <param name="MaxRounds">The most measured rounds any workload could get.</param>
/// <param name="BudgetSeconds">The whole-suite time budget; no round was started that was expected to overrun it.</param>
/// <param name="StoppedBy">
/// Why the rounds ended: <c>settled</c> (every interval within ±2%), <c>max-rounds</c> or <c>budget</c>; null in older documents.
/// </param>
/// <param name="WorkloadRounds">Measured rounds each workload got (a pre-initialised twin shares its base workload's count).</param>
/// <param name="WaitedSeconds">How long the agent waited for a quiet machine before measuring.</param>
/// <param name="CpuPressureBefore">CPU pressure (<c>/proc/pressure/cpu</c>, <c>some avg10</c>, percent) when measuring started; null where the kernel does not report it.</param>
/// <param name="NoisyRounds">Rounds labelled noisy in <see cref="RoundNoise"/>.</param>
/// <param name="RoundNoise">One reading per round, every round kept.</param>
/// <param name="MemoryCapBytes">A measured process whose resident set exceeded this was killed and counted as failed.</param>
/// <param name="PeakRssMethod">How <see cref="Sample.PeakRssBytes"/> was measured (<c>fork-wait4</c>); null when it was not.</param>
/// <param name="CustomModuleSha256">Set for a user's own program (suite <c>custom</c>): the SHA-256 of the wasm module measured.</param>
/// <param name="MaxWriteBytes">The cap on bytes the file I/O workloads may write in the whole run, warm-up rounds included.</param>
/// <param name="PlannedWriteBytes">What they would write at most within the cap: every allowed round of every file I/O workload run.</param>
/// <param name="WriteCappedRounds">
/// Workloads the cap held below <see cref="MaxRounds"/>: the most measured rounds each could get; 0 when even the
/// fewest rounds that give a ratio would exceed the cap, so it was not run.
/// </param>
public sealed record RunInfo(
    int Rounds,
    int Seed,
    bool Noisy,
    double LoadBefore,
    double LoadAfter,
    double StealPercent,
    int ColdStartRounds = 0,
    int MaxRounds = 0,
    double BudgetSeconds = 0,
    string? StoppedBy = null,
    IReadOnlyDictionary<string, int>? WorkloadRounds = null,
    double WaitedSeconds = 0,
    double? CpuPressureBefore = null,
    int NoisyRounds = 0,
    IReadOnlyList<RoundNoise>? RoundNoise = null,
    long? MemoryCapBytes = null,
    string? PeakRssMethod = null,
    string? CustomModuleSha256 = null,
    long? MaxWriteBytes = null,
    long? PlannedWriteBytes = null,
    IReadOnlyDictionary<string, int>? WriteCappedRounds = null)
{
    public const string StoppedSettled = "settled";
    public const string StoppedMaxRounds = "max-rounds";
    public const string StoppedBudget = "budget";

    public const string ForkWait4Method = "fork-wait4";
}

/// <summary>
/// How busy the machine was during one round, read before and after it. Kept next to <see cref="RunInfo"/>,
/// the only record that holds it.
/// </summary>
/// <param name="Phase"><c>cold-start</c> (rounds of the empty program) or <c>workloads</c> (all other rounds); rounds are numbered per phase.</param>
/// <param name="Load">One-minute load average at the end of the round.</param>
/// <param name="StealPercent">CPU time stolen by the hypervisor during the round.</param>
/// <param name="CpuPressurePercent">Share of the round's wall time in which some task waited for a CPU; null without <c>/proc/pressure</c>.</param>
public sealed record RoundNoise(string Phase, int Round, double Load, double StealPercent, double? CpuPressurePercent, bool Noisy)
{
    public const string ColdStartPhase = "cold-start";
    public const string WorkloadsPhase = "workloads";
}
