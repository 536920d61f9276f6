using System.Runtime.InteropServices;

namespace NearNative.Agent.Files;

/// <summary>
/// Tells whether a directory lies on a network file system, where the I/O workloads would measure the network and load a
/// file server that is not ours. The kernel's <c>statfs</c> magic names the file system; for FUSE, which serves local
/// and remote file systems alike, the mount's subtype in <c>/proc/self/mountinfo</c> (e.g. <c>fuse.sshfs</c>) decides.
/// </summary>
public static partial class NetworkFileSystem
{
    private const long FuseMagic = 0x65735546;

    /// <summary>FUSE file systems that reach another machine.</summary>
    private static readonly HashSet<string> RemoteFuse = new(StringComparer.Ordinal)
    {
        "sshfs", "s3fs", "rclone", "gcsfuse", "goofys", "blobfuse", "blobfuse2", "glusterfs", "cephfs", "ceph-fuse",
        "davfs", "curlftpfs", "smbnetfs", "juicefs", "lizardfs", "moosefs", "mfs", "beegfs",
    };

    /// <summary>The network file system <paramref name="directory"/> lies on, e.g. <c>nfs</c>; null for a local one, or off Linux.</summary>
    public static string? Find(string directory)
    {
        if (!OperatingSystem.IsLinux() || !TryGetMagic(directory, out var magic))
        {
            return null;
        }

        if (magic != FuseMagic)
        {
            return KernelName(magic);
        }

        try
        {
            return RemoteFuseType(File.ReadAllText("/proc/self/mountinfo"), Path.GetFullPath(directory));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The name of a network file system by its <c>statfs</c> <c>f_type</c> (linux/magic.h, and coreutils' list of remote ones).</summary>
    public static string? KernelName(long magic) => magic switch
    {
        0x6969 => "nfs",
        0x517B => "smb",
        0xFF534D42 => "cifs",
        0xFE534D42 => "smb2",
        0x5346414F => "afs",
        0x6B414653 => "afs",
        0x00C36400 => "ceph",
        0x01021997 => "9p",
        0x73757245 => "coda",
        0x564C => "ncp",
        0x0BD00BD0 => "lustre",
        0x47504653 => "gpfs",
        0x013111A8 => "ibrix",
        0x19830326 => "beegfs",
        0xAAD7AAEA => "panfs",
        _ => null,
    };

    /// <summary>
    /// The FUSE type (<c>fuse.sshfs</c>) of the mount holding <paramref name="path"/>, the one with the longest mount point
    /// above it, when it is one that reaches another machine; null otherwise.
    /// </summary>
    /// <param name="mountInfo">The text of <c>/proc/self/mountinfo</c>.</param>
    public static string? RemoteFuseType(string mountInfo, string path)
    {
        string? best = null;
        var bestLength = -1;
        foreach (var line in mountInfo.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // id parent major:minor root mount-point options [optional fields...] - type source super-options
            var fields = line.Split(' ');
            var separator = Array.IndexOf(fields, "-");
            if (fields.Length < 5 || separator < 0 || separator + 1 >= fields.Length)
            {
                continue;
            }

            var mountPoint = Unescape(fields[4]);
            if (Contains(mountPoint, path) && mountPoint.Length >= bestLength)
            {
                best = fields[separator + 1];
                bestLength = mountPoint.Length;
            }
        }

        return best is not null && best.StartsWith("fuse.", StringComparison.Ordinal) && RemoteFuse.Contains(best["fuse.".Length..])
            ? best
            : null;
    }

    private static bool Contains(string mountPoint, string path) =>
        mountPoint == "/"
        || path == mountPoint
        || path.StartsWith(mountPoint + "/", StringComparison.Ordinal);

    /// <summary>mountinfo writes space, tab, newline and backslash as three octal digits after a backslash.</summary>
    private static string Unescape(string field) =>
        field.Replace("\\040", " ", StringComparison.Ordinal)
            .Replace("\\011", "\t", StringComparison.Ordinal)
            .Replace("\\012", "\n", StringComparison.Ordinal)
            .Replace("\\134", "\\", StringComparison.Ordinal);

    private static bool TryGetMagic(string directory, out long magic)
    {
        // struct statfs is 120 bytes on 64-bit Linux with f_type first; the buffer leaves room to spare.
        Span<long> buffer = stackalloc long[32];
        if (StatFs(directory, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            magic = 0;
            return false;
        }

        magic = buffer[0];
        return true;
    }

    [LibraryImport("libc", EntryPoint = "statfs", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int StatFs(string path, ref long buffer);
}
