namespace NearNative.Agent.Measurement;

/// <summary>
/// The processes that are always scheduled together: one workload natively and under every runtime, plus its
/// pre-initialised twin under the wasm runtimes, so every runtime sample has its native partner in the same round.
/// </summary>
/// <param name="Id">The base workload id; rounds and time estimates are kept per unit.</param>
/// <param name="ExpectedChecksum">The checksum the native program prints (for a user program: of its whole stdout).</param>
/// <param name="Size">The size argument the program echoes in its result line; unused for user programs.</param>
/// <param name="Scratch">Each process gets a fresh empty directory as its working directory, preopened by wasm runtimes.</param>
/// <param name="UserProgram">A user's own program: no result line, whole-process time and a stdout checksum.</param>
/// <param name="WritesBytes">Bytes each of its processes writes to files, as the suite declares; 0 for none or unknown.</param>
/// <param name="MaxMeasuredRounds">The most measured rounds the write cap allows it (<see cref="WritePlan"/>); null for no such limit.</param>
public sealed record WorkloadUnit(
    string Id,
    IReadOnlyList<MeasuredRun> Runs,
    IReadOnlyList<string> Arguments,
    string ExpectedChecksum,
    string Size,
    bool Scratch,
    bool UserProgram = false,
    long WritesBytes = 0,
    int? MaxMeasuredRounds = null)
{
    /// <summary>Bytes one round of it writes: every process once.</summary>
    public long WritesPerRound => Runs.Count * WritesBytes;

    /// <summary>Whether it takes part in <paramref name="round"/> (0 is the warm-up).</summary>
    public bool RunsIn(int round) => MaxMeasuredRounds is not { } most || round <= most;
}
