using System.Text.RegularExpressions;

namespace NearNative.Domain.Cpu;

/// <summary>Reduces the marketing brand string a CPU reports to a stable, comparable name.</summary>
public static partial class CpuBrand
{
    /// <summary>
    /// Lower case, trademarks, clock speed, core counts and filler words removed, words joined by '-':
    /// "Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz" → "intel-xeon-platinum-8259cl".
    /// </summary>
    public static string Normalize(string brand)
    {
        var text = brand.ToLowerInvariant();
        text = Trademark().Replace(text, " ");
        text = ClockSuffix().Replace(text, " ");
        text = CoreCount().Replace(text, " ");
        text = FillerWord().Replace(text, " ");
        text = NonAlphanumeric().Replace(text, "-").Trim('-');
        return text.Length == 0 ? "unknown" : text;
    }

    /// <summary>
    /// Names a hypervisor invents instead of passing the host's brand through, such as
    /// "Intel Xeon Processor (Cascadelake)" or "QEMU Virtual CPU": such a CPU is virtual whatever else it says.
    /// </summary>
    public static bool IsSynthetic(string brand) => SyntheticName().IsMatch(brand);

    [GeneratedRegex(@"\((r|tm|c)\)|®|™")]
    private static partial Regex Trademark();

    [GeneratedRegex(@"@.*$|\b\d+(\.\d+)?\s*[gm]hz\b")]
    private static partial Regex ClockSuffix();

    [GeneratedRegex(@"\b\d+-core\b|\bdual-core\b|\bquad-core\b|\bwith radeon.*$")]
    private static partial Regex CoreCount();

    [GeneratedRegex(@"\b(cpu|processor|apu)\b")]
    private static partial Regex FillerWord();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();

    [GeneratedRegex(@"processor\s*\([a-z0-9\-, ]+\)|qemu virtual cpu|common (kvm|32-bit kvm|64-bit kvm) processor|virtual cpu", RegexOptions.IgnoreCase)]
    private static partial Regex SyntheticName();
}
