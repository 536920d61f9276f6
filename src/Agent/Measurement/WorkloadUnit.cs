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
public sealed record WorkloadUnit(
    string Id,
    IReadOnlyList<MeasuredRun> Runs,
    IReadOnlyList<string> Arguments,
    string ExpectedChecksum,
    string Size,
    bool Scratch,
    bool UserProgram = false);
