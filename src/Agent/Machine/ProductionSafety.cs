using System.ComponentModel;
using System.Diagnostics;

namespace NearNative.Agent.Machine;

/// <summary>
/// Keeps the agent polite on a busy server: lowest CPU priority and, unless told otherwise, one core.
/// Children inherit both from the process, and each child gets them again right after it starts,
/// because on Linux priority and affinity belong to the thread, and the thread that forks may not be the one set.
/// </summary>
public sealed class ProductionSafety
{
    private readonly nint? _affinity;

    private ProductionSafety(nint? affinity) => _affinity = affinity;

    /// <summary>Changes nothing, neither this process nor its children: for tests that start children in the test host.</summary>
    public static ProductionSafety Unchanged { get; } = new(null);

    /// <summary>The core everything runs on, or null when not pinned.</summary>
    public int? PinnedCore { get; private init; }

    public static ProductionSafety Apply(bool pin)
    {
        using var self = Process.GetCurrentProcess();
        LowerPriority(self);
        if (!pin || !(OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
        {
            return new ProductionSafety(null);
        }

        try
        {
            // The highest allowed core: core 0 tends to take the most interrupts.
            var allowed = (long)self.ProcessorAffinity;
            var core = 63 - (int)long.LeadingZeroCount(allowed);
            if (core < 0)
            {
                return new ProductionSafety(null);
            }

            var mask = (nint)(1L << core);
            self.ProcessorAffinity = mask;
            return new ProductionSafety(mask) { PinnedCore = core };
        }
        catch (Exception e) when (IsRefusal(e))
        {
            return new ProductionSafety(null);
        }
    }

    public void ApplyTo(Process child)
    {
        LowerPriority(child);
        if (_affinity is { } mask && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
        {
            try
            {
                child.ProcessorAffinity = mask;
            }
            catch (Exception e) when (IsRefusal(e))
            {
                // Already exited, or not allowed: the sample still counts.
            }
        }
    }

    private static void LowerPriority(Process process)
    {
        try
        {
            process.PriorityClass = ProcessPriorityClass.Idle;
        }
        catch (Exception e) when (IsRefusal(e))
        {
            // Already exited, or not allowed: the run goes on.
        }
    }

    private static bool IsRefusal(Exception e) =>
        e is InvalidOperationException or Win32Exception or PlatformNotSupportedException or NotSupportedException;
}
