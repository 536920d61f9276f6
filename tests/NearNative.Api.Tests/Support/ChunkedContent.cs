using System.Net;

namespace NearNative.Api.Tests.Support;

/// <summary>A body of undeclared length: HTTP/1.1 sends it with chunked transfer encoding, in pieces.</summary>
public sealed class ChunkedContent : HttpContent
{
    private const int PieceBytes = 64 * 1024;

    private readonly byte[] _bytes;

    public ChunkedContent(byte[] bytes, string mediaType = "application/json")
    {
        _bytes = bytes;
        Headers.ContentType = new(mediaType);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < _bytes.Length; offset += PieceBytes)
        {
            await stream.WriteAsync(_bytes.AsMemory(offset, Math.Min(PieceBytes, _bytes.Length - offset)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
