using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// Request bodies are UTF-8 JSON. A body labelled with another charset is refused with 415 before anything reads it:
/// the framework would otherwise transcode it, or throw for a charset it does not know (a 500 for a client's mistake).
/// </summary>
public static class RequestCharset
{
    public static WebApplication UseUtf8RequestBodies(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody is not false
                && MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
                && mediaType.Charset is { HasValue: true } charset
                && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status415UnsupportedMediaType,
                        Detail = "Request bodies are JSON in UTF-8; leave out the charset or name utf-8.",
                    },
                });
                return;
            }

            await next(context);
        });
        return app;
    }
}
