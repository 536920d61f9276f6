namespace NearNative.Domain.Suite;

/// <summary>
/// How much a run may write to files unless the contributor says otherwise, and which workloads that leaves out.
/// The agent plans every run within a cap (4 GiB by default) because it runs on production machines, where a
/// benchmark must not wear out or fill a disk. A workload whose fewest rounds that give a ratio cannot fit in the
/// default cap, even for native and a single runtime, would be left out of almost every run; it is opt-in instead.
/// </summary>
public static class WriteBudget
{
    public const long DefaultCapBytes = 4L << 30;

    /// <summary>A warm-up round and the fewest measured rounds that give a ratio.</summary>
    private const int FewestRounds = 1 + Statistics.RunAnalysis.MinimumPairs;

    /// <summary>Native and one runtime: the smallest run that measures anything.</summary>
    private const int FewestProcessesPerRound = 2;

    public static bool FitsDefaultRun(long bytesPerProcess) =>
        bytesPerProcess * FewestRounds * FewestProcessesPerRound <= DefaultCapBytes;
}
