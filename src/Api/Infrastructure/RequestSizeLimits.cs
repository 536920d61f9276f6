using Microsoft.AspNetCore.Http.Metadata;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// Refuses a body whose declared length is over the endpoint's <see cref="IRequestSizeLimitMetadata"/> with a
/// 413 before anything reads it. Kestrel enforces the same limit on bodies of undeclared length as they stream;
/// this makes the answer the same on every server, the test server included.
/// </summary>
public static class RequestSizeLimits
{
    public static WebApplication UseRequestSizeLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
            if (limit is { } max && context.Request.ContentLength > max)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                context.Response.Headers.Connection = "close";
                return;
            }

            await next(context);
        });
        return app;
    }
}
