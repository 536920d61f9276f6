using NearNative.Agent.Machine;

namespace NearNative.Agent.Tests.Machine;

public sealed class VirtualizationTests
{
    [Fact]
    public void NoHypervisorFlagIsBareMetalWhateverTheFirmwareSays()
    {
        Assert.Equal("none", Virtualization.Detect(false, null, "Dell Inc.", "PowerEdge R640"));
    }

    [Theory]
    [InlineData(null, "QEMU", "Standard PC (Q35 + ICH9, 2009)", "kvm")]
    [InlineData(null, "VMware, Inc.", "VMware Virtual Platform", "vmware")]
    [InlineData("xen\n", "Xen", "HVM domU", "xen")]
    [InlineData(null, "Microsoft Corporation", "Virtual Machine", "microsoft")]
    [InlineData(null, "Amazon EC2", "m5.large", "amazon")]
    [InlineData(null, "Google", "Google Compute Engine", "google")]
    [InlineData(null, "innotek GmbH", "VirtualBox", "virtualbox")]
    public void AKnownHypervisorIsNamed(string? hypervisorType, string vendor, string product, string expected)
    {
        Assert.Equal(expected, Virtualization.Detect(true, hypervisorType, vendor, product));
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(null, "Acme Cloud", "Box 9000")]
    public void AnUnnamedHypervisorIsAGenericVm(string? hypervisorType, string? vendor, string? product)
    {
        Assert.Equal("vm", Virtualization.Detect(true, hypervisorType, vendor, product));
    }
}
