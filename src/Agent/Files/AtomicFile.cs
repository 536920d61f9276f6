namespace NearNative.Agent.Files;

/// <summary>Writes a whole file or nothing: a temporary file in the same directory, then a rename.</summary>
public static class AtomicFile
{
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(
            Path.GetDirectoryName(full)!,
            $".{Path.GetFileName(full)}.tmp-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..6])}");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                await stream.WriteAsync(content, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }

            // The rename is the commit point: Ctrl-C before it leaves the old file (or none), never half of one.
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
