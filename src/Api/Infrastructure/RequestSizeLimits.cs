using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// Every endpoint has a body cap: its own <see cref="IRequestSizeLimitMetadata"/> (<see cref="WithBodyLimit"/>),
/// or <see cref="DefaultMaxBodyBytes"/>. A body over the cap is answered 413 before anything parses it: at once
/// when its length is declared, and after at most cap + 1 bytes when it is sent in chunks, since only reading
/// tells how long a chunked body is. The answer is the same on every server, the test server included.
/// </summary>
public static class RequestSizeLimits
{
    /// <summary>Every body but a submission (keys, rotation, revocation) is a few hundred bytes.</summary>
    public const long DefaultMaxBodyBytes = 16 * 1024;

    /// <summary>
    /// After a 413 the rest of a body up to this size is read and thrown away, so that a client still sending
    /// it reads the answer instead of a reset connection; a larger body gets its connection closed.
    /// </summary>
    private const long MaxDiscardBytes = 4 * 1024 * 1024;

    private static readonly TimeSpan MaxDiscardTime = TimeSpan.FromSeconds(5);

    private const int ReadChunkBytes = 16 * 1024;

    public static RouteHandlerBuilder WithBodyLimit(this RouteHandlerBuilder builder, long maxBytes) =>
        builder.WithMetadata(new RequestSizeLimitAttribute(maxBytes)).ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    public static WebApplication UseRequestSizeLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultMaxBodyBytes;

            // The server's own cap stays above ours, so that it never stops the discarding after a 413; every
            // body reaches the endpoint through the checks below.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
            {
                serverLimit.MaxRequestBodySize = limit + MaxDiscardBytes;
            }

            if (request.ContentLength > limit || (request.ContentLength is null && HasBody(context) && !await BufferAsync(request, limit)))
            {
                await RefuseAsync(context);
                return;
            }

            await next(context);
        });
        return app;
    }

    private static bool HasBody(HttpContext context) =>
        context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true;

    /// <summary>Reads a body of undeclared length into memory, up to one byte over the cap; false when it is over.</summary>
    private static async Task<bool> BufferAsync(HttpRequest request, long limit)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[ReadChunkBytes];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return false;
            }
        }

        buffer.Position = 0;
        request.Body = buffer;
        request.ContentLength = buffer.Length;
        request.HttpContext.Response.RegisterForDispose(buffer);
        return true;
    }

    /// <summary>The 413 problem, sent in full before the rest of the body is discarded (never parsed).</summary>
    private static async Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.Headers.Connection = "close";
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge },
        });
        await context.Response.CompleteAsync();

        if (context.Request.ContentLength > MaxDiscardBytes)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(MaxDiscardTime);
        var chunk = new byte[ReadChunkBytes];
        long discarded = 0;
        try
        {
            int read;
            while (discarded <= MaxDiscardBytes && (read = await context.Request.Body.ReadAsync(chunk, timeout.Token)) > 0)
            {
                discarded += read;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // The client stopped sending or took too long: closing the connection is all that is left.
        }
    }
}
