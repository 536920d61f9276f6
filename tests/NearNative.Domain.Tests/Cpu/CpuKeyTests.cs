using NearNative.Domain.Cpu;
using NearNative.Domain.Results;

namespace NearNative.Domain.Tests.Cpu;

public sealed class CpuKeyTests
{
    [Theory]
    [InlineData("Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz", "intel-xeon-platinum-8259cl")]
    [InlineData("AMD EPYC 7763 64-Core Processor", "amd-epyc-7763")]
    [InlineData("AMD Ryzen 9 7950X 16-Core Processor            ", "amd-ryzen-9-7950x")]
    [InlineData("AMD Ryzen 7 5800H with Radeon Graphics", "amd-ryzen-7-5800h")]
    [InlineData("11th Gen Intel(R) Core(TM) i7-1185G7 @ 3.00GHz", "11th-gen-intel-core-i7-1185g7")]
    [InlineData("Intel® Core™ i5-8250U CPU @ 1.60GHz", "intel-core-i5-8250u")]
    [InlineData("AMD EPYC", "amd-epyc")]
    [InlineData("   ", "unknown")]
    public void BrandNamesAreNormalized(string brand, string expected) => Assert.Equal(expected, CpuBrand.Normalize(brand));

    [Theory]
    [InlineData("Intel Xeon Processor (Cascadelake)", true)]
    [InlineData("Intel Core Processor (Skylake, IBRS)", true)]
    [InlineData("QEMU Virtual CPU version 2.5+", true)]
    [InlineData("Common KVM processor", true)]
    [InlineData("AMD EPYC 7763 64-Core Processor", false)]
    [InlineData("Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz", false)]
    public void SyntheticHypervisorNamesAreRecognised(string brand, bool synthetic) => Assert.Equal(synthetic, CpuBrand.IsSynthetic(brand));

    [Fact]
    public void KeyJoinsArchitectureVendorBrandSignatureAndVirtualisation()
    {
        var cpu = new CpuInfo("x86_64", "GenuineIntel", "Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz", 6, 85, 7, 8, "KVM");

        Assert.Equal("x86_64/genuineintel/intel-xeon-platinum-8259cl/6-85-7/kvm", CpuKey.For(cpu));
    }

    [Fact]
    public void BareMetalAndVirtualMachinesNeverShareAKey()
    {
        var metal = new CpuInfo("x86_64", "AuthenticAMD", "AMD EPYC 7763 64-Core Processor", 25, 1, 1, 64, "none");
        var virtualised = metal with { Virtualization = "kvm" };

        Assert.NotEqual(CpuKey.For(metal), CpuKey.For(virtualised));
        Assert.False(CpuKey.IsVirtual(metal));
        Assert.True(CpuKey.IsVirtual(virtualised));
    }

    [Fact]
    public void SyntheticBrandIsVirtualEvenWhenTheAgentSawNoHypervisor()
    {
        var cpu = new CpuInfo("x86_64", "GenuineIntel", "Intel Xeon Processor (Cascadelake)", 6, 85, 6, 4, "none");

        Assert.EndsWith("/vm", CpuKey.For(cpu), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSignatureIsMarkedAndHostileTextIsReducedToTokens()
    {
        var cpu = new CpuInfo("x86_64/../<b>", "Vendor <script>", "Brand\n\"quoted\"", null, null, null, 1, "none");

        var key = CpuKey.For(cpu);

        Assert.Equal("x86_64-b/vendor-script/brand-quoted/x/none", key);
    }

    [Fact]
    public void ArchitectureAndVirtualisationAreTheKeysFirstAndLastSegments()
    {
        var key = CpuKey.For(new CpuInfo("aarch64", "ARM", "Neoverse-N1", null, null, null, 4, "kvm"));

        Assert.Equal(("aarch64", "kvm"), (CpuKey.ArchitectureOf(key), CpuKey.VirtualisationOf(key)));
    }
}
