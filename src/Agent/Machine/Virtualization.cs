using NearNative.Domain.Cpu;

namespace NearNative.Agent.Machine;

/// <summary>Names the hypervisor, if any: virtual machines and bare metal are never pooled.</summary>
public static class Virtualization
{
    private static readonly (string Marker, string Name)[] KnownVendors =
    [
        ("kvm", "kvm"),
        ("qemu", "kvm"),
        ("vmware", "vmware"),
        ("xen", "xen"),
        ("microsoft", "microsoft"),
        ("hyper-v", "microsoft"),
        ("amazon", "amazon"),
        ("google", "google"),
        ("virtualbox", "virtualbox"),
        ("innotek", "virtualbox"),
        ("parallels", "parallels"),
        ("bhyve", "bhyve"),
        ("openstack", "kvm"),
    ];

    /// <param name="hypervisorFlag">Whether the CPU reports the <c>hypervisor</c> flag.</param>
    /// <param name="hypervisorType">Contents of <c>/sys/hypervisor/type</c>, if readable.</param>
    /// <param name="systemVendor">Contents of <c>/sys/class/dmi/id/sys_vendor</c>, if readable.</param>
    /// <param name="productName">Contents of <c>/sys/class/dmi/id/product_name</c>, if readable.</param>
    /// <returns><c>none</c>, a known hypervisor name, or <c>vm</c> for one that does not say what it is.</returns>
    public static string Detect(bool hypervisorFlag, string? hypervisorType, string? systemVendor, string? productName)
    {
        if (!hypervisorFlag)
        {
            return CpuKey.BareMetal;
        }

        foreach (var source in new[] { hypervisorType, systemVendor, productName })
        {
            var text = source?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            foreach (var (marker, name) in KnownVendors)
            {
                if (text.Contains(marker, StringComparison.Ordinal))
                {
                    return name;
                }
            }
        }

        return CpuKey.GenericVirtual;
    }
}
