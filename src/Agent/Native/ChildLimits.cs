namespace NearNative.Agent.Native;

/// <summary>What every measured process is held to on a production machine.</summary>
/// <param name="Nice">CPU niceness; 19 is the lowest priority.</param>
/// <param name="IdleIo">Idle I/O scheduling class: disk time only when nobody else wants it.</param>
/// <param name="Core">The one core the process may run on; null when not pinned.</param>
/// <param name="MemoryCapBytes">Resident set above which the process is killed; null for no cap.</param>
public sealed record ChildLimits(int Nice, bool IdleIo, int? Core, long? MemoryCapBytes)
{
    public const int LowestPriority = 19;

    public const long DefaultMemoryCapBytes = 4L << 30;
}
