using System.Globalization;

namespace NearNative.Agent.Machine;

/// <summary>The aggregate <c>cpu</c> line of <c>/proc/stat</c>: jiffies spent busy, idle and stolen by the hypervisor.</summary>
public sealed record CpuTimes(long Total, long Steal)
{
    /// <summary>Null when the text has no aggregate cpu line.</summary>
    public static CpuTimes? Parse(string procStat)
    {
        foreach (var line in procStat.Split('\n'))
        {
            if (!line.StartsWith("cpu ", StringComparison.Ordinal))
            {
                continue;
            }

            // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user.
            var fields = line[4..]
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(f => long.TryParse(f, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .ToArray();
            var counted = fields.Take(8).ToArray();
            return new CpuTimes(counted.Sum(), counted.Length >= 8 ? counted[7] : 0);
        }

        return null;
    }

    /// <summary>Percentage of all CPU time between two readings that the hypervisor gave to someone else.</summary>
    public static double StealPercent(CpuTimes? before, CpuTimes? after)
    {
        if (before is null || after is null)
        {
            return 0;
        }

        var total = after.Total - before.Total;
        var steal = after.Steal - before.Steal;
        return total > 0 && steal > 0 ? 100.0 * steal / total : 0;
    }
}
