using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace NearNative.Api.Badges;

/// <summary>
/// A badge body with nosniff. The ETag, Cache-Control and 304 come from the endpoint's HTTP caching, as for every
/// public GET; a "no data" badge is cached like any other.
/// </summary>
public abstract class BadgeResult(string body, string contentType, int statusCode) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public string Body { get; } = body;

    public string ContentType { get; } = contentType;

    public int StatusCode { get; } = statusCode;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    string? IContentTypeHttpResult.ContentType => ContentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        AddHeaders(response.Headers);
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        await response.WriteAsync(Body, httpContext.RequestAborted);
    }

    protected virtual void AddHeaders(IHeaderDictionary headers)
    {
    }
}

/// <summary>An SVG badge; served with a CSP that forbids scripts, so an SVG opened directly runs nothing.</summary>
public sealed class SvgBadgeResult(string svg, int statusCode = StatusCodes.Status200OK)
    : BadgeResult(svg, "image/svg+xml; charset=utf-8", statusCode), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["image/svg+xml"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(string), ["image/svg+xml"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(string), ["image/svg+xml"]));
    }

    protected override void AddHeaders(IHeaderDictionary headers) =>
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
}

/// <summary>The shields.io endpoint-badge JSON; a "no data" badge is a 404 with <c>isError</c> set.</summary>
public sealed class JsonBadgeResult(string json, int statusCode = StatusCodes.Status200OK)
    : BadgeResult(json, "application/json; charset=utf-8", statusCode), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(ShieldsEndpointBadge), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ShieldsEndpointBadge), ["application/json"]));
    }
}
