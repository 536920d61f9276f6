using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace NearNative.Api.Badges;

/// <summary>
/// A badge body with the headers READMEs and their image proxies need: a strong ETag (hash of the body),
/// answered with 304 when If-None-Match matches, a short public max-age, and nosniff.
/// </summary>
public abstract class BadgeResult(string body, string contentType, int statusCode) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string CacheControl = "public, max-age=300";

    public string Body { get; } = body;

    public string ContentType { get; } = contentType;

    public int StatusCode { get; } = statusCode;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    string? IContentTypeHttpResult.ContentType => ContentType;

    public string ETag => $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Body)).AsSpan(0, 16))}\"";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var etag = ETag;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = CacheControl;
        response.Headers.XContentTypeOptions = "nosniff";
        AddHeaders(response.Headers);

        if (Matches(httpContext.Request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        await response.WriteAsync(Body, httpContext.RequestAborted);
    }

    protected virtual void AddHeaders(IHeaderDictionary headers)
    {
    }

    protected static void Describe(EndpointBuilder builder, string contentType)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), [contentType]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
    }

    /// <summary>If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/"x" matches "x".</summary>
    private static bool Matches(StringValues ifNoneMatch, string etag) =>
        EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(etag, StringComparison.Ordinal));
}

/// <summary>An SVG badge; served with a CSP that forbids scripts, so an SVG opened directly runs nothing.</summary>
public sealed class SvgBadgeResult(string svg, int statusCode = StatusCodes.Status200OK)
    : BadgeResult(svg, "image/svg+xml; charset=utf-8", statusCode), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        Describe(builder, "image/svg+xml");
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(string), ["image/svg+xml"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(string), ["image/svg+xml"]));
    }

    protected override void AddHeaders(IHeaderDictionary headers) =>
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
}

/// <summary>The shields.io endpoint-badge JSON.</summary>
public sealed class JsonBadgeResult(string json)
    : BadgeResult(json, "application/json; charset=utf-8", StatusCodes.Status200OK), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ShieldsEndpointBadge), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
    }
}
