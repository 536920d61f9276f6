namespace NearNative.Api.Submissions;

/// <summary>Schema limits on result documents; the database columns are sized from the same numbers.</summary>
public static class DocumentLimits
{
    public const int MaxBodyBytes = 1024 * 1024;
    public const int MinNonce = 16;
    public const int MaxNonce = 64;
    public const int MaxIdentifier = 64;
    public const int MaxName = 100;
    public const int MaxMachineText = 200;
    public const int MaxSettings = 32;
    public const int MaxSettingKey = 100;
    public const int MaxSettingValue = 500;
    public const int MaxRuntimes = 64;
    public const int MaxSamples = 20000;
    public const int MaxSkipped = 64;
    public const int MaxWorkloads = 256;
    public const int MaxReason = 500;
    public const int MaxRound = 100_000;
    public const int MaxLogicalCores = 65_536;

    /// <summary>In-process phases per sample (engine, compile, instantiate, execute, …), each named by <see cref="TextRules.IsPhaseName"/>.</summary>
    public const int MaxPhases = 8;

    public const int MaxPhaseName = 32;

    /// <summary>Per-round noise readings: at most one per round of each phase, and no more than there may be samples.</summary>
    public const int MaxRoundNoise = MaxSamples;

    /// <summary>A week: no agent run is planned longer than that.</summary>
    public const double MaxBudgetSeconds = 7 * 24 * 3600;

    /// <summary>A day of waiting for a quiet machine is already more than an agent does.</summary>
    public const double MaxWaitedSeconds = 24 * 3600;

    /// <summary>No single process may take an hour: beyond that the number is not a measurement of this suite.</summary>
    public const long MaxNanoseconds = 3_600_000_000_000;

    public const long MaxPeakRssBytes = 1L << 42;

    /// <summary>A petabyte: far above any write cap or plan a run could have.</summary>
    public const long MaxWriteBytes = 1L << 50;

    /// <summary>Instance-start measurements: one per runtime, plus native's three ways of starting a process.</summary>
    public const int MaxInstanceStarts = MaxRuntimes + 3;

    /// <summary>Timed starts of one measurement; the agent takes 1,000.</summary>
    public const int MaxInstanceStartCount = 10_000;

    public const int MaxInstanceWarmup = 1_000;

    public const int MaxLiveInstances = 100_000;

    /// <summary>One instance of the empty module, or one process of the native empty program, never takes ten seconds.</summary>
    public const long MaxInstanceStartNs = 10_000_000_000;
}
