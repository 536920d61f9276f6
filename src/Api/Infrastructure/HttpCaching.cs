using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// How long HTTP caches (browsers, proxies, README image proxies) may keep a public GET's answer, as endpoint
/// metadata read by <see cref="HttpCaching"/>.
/// </summary>
/// <param name="MaxAgeSeconds">Fresh for this long.</param>
/// <param name="StaleWhileRevalidateSeconds">Then served stale for up to this long while the cache revalidates with the ETag.</param>
/// <param name="Immutable">The bytes never change (content addressed by the submission's hash).</param>
/// <param name="CachedStatuses">Statuses besides 200 that are cached too, e.g. a "no data" badge's 404.</param>
public sealed record HttpCachePolicy(int MaxAgeSeconds, int StaleWhileRevalidateSeconds, bool Immutable = false, params int[] CachedStatuses)
{
    /// <summary>Figures computed from submissions: they change when one arrives.</summary>
    public static readonly HttpCachePolicy Aggregates = new(30, 300);

    /// <summary>Badges are fetched by image proxies that honour max-age; a few minutes late is fine for a README.</summary>
    public static readonly HttpCachePolicy Badges = new(300, 86_400, Immutable: false, StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

    /// <summary>A submission's signed bytes and the samples read from them never change.</summary>
    public static readonly HttpCachePolicy ContentAddressed = new(31_536_000, 0, Immutable: true);

    public string CacheControl => Immutable
        ? string.Create(CultureInfo.InvariantCulture, $"public, max-age={MaxAgeSeconds}, immutable")
        : string.Create(CultureInfo.InvariantCulture, $"public, max-age={MaxAgeSeconds}, stale-while-revalidate={StaleWhileRevalidateSeconds}");

    public bool Caches(int statusCode) => statusCode == StatusCodes.Status200OK || CachedStatuses.Contains(statusCode);
}

/// <summary>
/// Public GETs get a strong <c>ETag</c> (a hash of the response bytes), <c>Cache-Control</c> from their
/// <see cref="HttpCachePolicy"/>, and <c>304 Not Modified</c> when <c>If-None-Match</c> matches. It runs inside
/// the output cache, so only a cache miss is hashed: the output cache stores the headers with the body and
/// answers later matching <c>If-None-Match</c> requests with 304 itself.
/// </summary>
public static class HttpCaching
{
    public static WebApplication UseHttpCaching(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var policy = context.GetEndpoint()?.Metadata.GetMetadata<HttpCachePolicy>();
            if (policy is null || !HttpMethods.IsGet(context.Request.Method))
            {
                await next(context);
                return;
            }

            await WriteCachedAsync(context, next, policy);
        });
        return app;
    }

    /// <summary>Marks the endpoint with <paramref name="policy"/> and documents the 304 it may answer.</summary>
    public static TBuilder WithHttpCaching<TBuilder>(this TBuilder builder, HttpCachePolicy policy)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(policy);
        builder.Add(endpoint => endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void))));
        return builder;
    }

    /// <summary>The strong entity tag of a body: 128 bits of its SHA-256, quoted.</summary>
    public static string ETagOf(ReadOnlySpan<byte> body) => $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"";

    /// <summary>If-None-Match uses the weak comparison (RFC 9110 §13.1.2): <c>W/"x"</c> matches <c>"x"</c>.</summary>
    public static bool Matches(StringValues ifNoneMatch, string etag) =>
        EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(etag, StringComparison.Ordinal));

    private static async Task WriteCachedAsync(HttpContext context, RequestDelegate next, HttpCachePolicy policy)
    {
        var response = context.Response;
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(original);
        }

        if (policy.Caches(response.StatusCode))
        {
            var etag = ETagOf(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            response.Headers.ETag = etag;
            response.Headers.CacheControl = policy.CacheControl;

            // A conditional GET is only evaluated for what would be a 2xx answer (RFC 9110 §13.2.1).
            if (response.StatusCode == StatusCodes.Status200OK && Matches(context.Request.Headers.IfNoneMatch, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = StringValues.Empty;
                return;
            }
        }

        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original.Stream, context.RequestAborted);
    }
}
