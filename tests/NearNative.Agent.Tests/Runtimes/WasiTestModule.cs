namespace NearNative.Agent.Tests.Runtimes;

/// <summary>
/// Tiny WASI command modules encoded by hand, for how a WASI layer ends a process: <c>_start</c> writes a text to
/// stdout with one <c>fd_write</c>, then returns, calls <c>proc_exit</c> or traps.
/// </summary>
internal static class WasiTestModule
{
    private const byte I32 = 0x7f;
    private const int IovecAddress = 16;
    private const int TextAddress = 32;

    /// <summary>Writes <paramref name="stdout"/>, then returns normally.</summary>
    public static byte[] Returning(string stdout) => Build(stdout, []);

    /// <summary>Writes <paramref name="stdout"/>, then calls <c>proc_exit(code)</c>; code below 64.</summary>
    public static byte[] Exiting(string stdout, byte code) => Build(stdout, [0x41, code, 0x10, 0x00]); // i32.const code; call proc_exit

    /// <summary>Writes <paramref name="stdout"/>, then executes <c>unreachable</c>.</summary>
    public static byte[] Trapping(string stdout) => Build(stdout, [0x00]);

    public static string WriteTo(string directory, string name, byte[] module)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, module);
        return path;
    }

    private static byte[] Build(string stdout, byte[] ending)
    {
        var text = System.Text.Encoding.UTF8.GetBytes(stdout);
        byte[] write =
        [
            0x41, 0x01, // i32.const 1 (stdout)
            0x41, IovecAddress, 0x41, 0x01, // one iovec at IovecAddress
            0x41, 0x08, // nwritten at address 8
            0x10, 0x01, // call fd_write
            0x1a, // drop the errno
        ];
        byte[] body = [0x00, .. write, .. ending, 0x0b]; // no locals … end

        byte[] iovec = [.. BitConverter.GetBytes(TextAddress), .. BitConverter.GetBytes(text.Length)];
        return
        [
            0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
            .. Section(1, [0x03, 0x60, 0x01, I32, 0x00, 0x60, 0x04, I32, I32, I32, I32, 0x01, I32, 0x60, 0x00, 0x00]),
            .. Section(2, [0x02, .. Import("proc_exit", 0), .. Import("fd_write", 1)]),
            .. Section(3, [0x01, 0x02]),
            .. Section(5, [0x01, 0x00, 0x01]), // one memory of one page
            .. Section(7, [0x02, .. Name("_start"), 0x00, 0x02, .. Name("memory"), 0x02, 0x00]),
            .. Section(10, [0x01, .. Leb(body.Length), .. body]),
            .. Section(11, [0x02, .. Segment(IovecAddress, iovec), .. Segment(TextAddress, text)]),
        ];
    }

    private static byte[] Import(string field, byte type) => [.. Name("wasi_snapshot_preview1"), .. Name(field), 0x00, type];

    private static byte[] Segment(int address, byte[] data) => [0x00, 0x41, .. Leb(address), 0x0b, .. Leb(data.Length), .. data];

    private static byte[] Section(byte id, byte[] content) => [id, .. Leb(content.Length), .. content];

    private static byte[] Name(string name) => [.. Leb(name.Length), .. System.Text.Encoding.UTF8.GetBytes(name)];

    /// <summary>Unsigned LEB128; as a signed i32.const immediate it is only right below 64, which is all this uses.</summary>
    private static byte[] Leb(int value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }
}
