namespace NearNative.Agent.Machine;

/// <summary>Load and steal time around a run, read from <c>/proc</c>.</summary>
public sealed class NoiseMonitor
{
    private readonly CpuTimes? _cpuBefore;

    private NoiseMonitor(double loadBefore, CpuTimes? cpuBefore)
    {
        LoadBefore = loadBefore;
        _cpuBefore = cpuBefore;
    }

    public double LoadBefore { get; }

    public static NoiseMonitor Start() =>
        new(NoiseAssessment.ParseLoadAverage(SystemFiles.TryRead("/proc/loadavg")), ReadCpuTimes());

    public NoiseReport Stop(int logicalCores)
    {
        var loadAfter = NoiseAssessment.ParseLoadAverage(SystemFiles.TryRead("/proc/loadavg"));
        var steal = CpuTimes.StealPercent(_cpuBefore, ReadCpuTimes());
        return new NoiseReport(LoadBefore, loadAfter, steal, NoiseAssessment.IsNoisy(LoadBefore, logicalCores, steal));
    }

    private static CpuTimes? ReadCpuTimes() =>
        SystemFiles.TryRead("/proc/stat") is { } text ? CpuTimes.Parse(text) : null;
}
