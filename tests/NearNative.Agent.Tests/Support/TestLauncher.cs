using NearNative.Agent.Machine;
using NearNative.Agent.Measurement;
using NearNative.Agent.Native;

namespace NearNative.Agent.Tests.Support;

/// <summary>The measured-process launcher as the agent builds it, in a test's own directories, leaving the test host as it is.</summary>
internal static class TestLauncher
{
    public static ChildLimits NoLimits { get; } = new(0, IdleIo: false, Core: null, MemoryCapBytes: null);

    public static NnExec NnExec => NnExec.Locate(AppContext.BaseDirectory, out var problem) ?? throw new InvalidOperationException(problem);

    /// <param name="home">Stands for the agent's home: the launcher's report goes under it.</param>
    /// <param name="tempPath">Stands for the run's scratch directory: the children's temporary files go there.</param>
    public static MeasuredLauncher Create(string home, string tempPath, ChildLimits? limits = null) =>
        new(NnExec, limits ?? NoLimits, ProductionSafety.Unchanged, new ChildEnvironment(home, tempPath), Path.Combine(home, "run"));
}
