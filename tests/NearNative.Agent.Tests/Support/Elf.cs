namespace NearNative.Agent.Tests.Support;

/// <summary>The architecture an ELF file was built for, read from its header.</summary>
internal static class Elf
{
    public const int X86_64 = 62;
    public const int Aarch64 = 183;

    private static readonly byte[] Magic = [0x7f, (byte)'E', (byte)'L', (byte)'F'];

    /// <summary><c>e_machine</c>: bytes 18-19 of the header, little-endian.</summary>
    public static int Machine(string path)
    {
        using var stream = File.OpenRead(path);
        var header = new byte[20];
        stream.ReadExactly(header);
        Assert.True(header.AsSpan(0, 4).SequenceEqual(Magic), $"{path} is not an ELF file");
        return header[18] | (header[19] << 8);
    }
}
