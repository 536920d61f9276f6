using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace NearNative.Api.Infrastructure;

/// <summary>429 with a <c>Retry-After</c> header in whole seconds (at least one).</summary>
public sealed class TooManyRequestsProblem : ProblemResult, IResult, IEndpointMetadataProvider
{
    public TooManyRequestsProblem(string detail, TimeSpan retryAfter)
        : base(StatusCodes.Status429TooManyRequests, "Too Many Requests", detail)
    {
        RetryAfter = retryAfter;
        Value.Type = "https://tools.ietf.org/html/rfc6585#section-4";
    }

    public TimeSpan RetryAfter { get; }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Describe(builder, StatusCodes.Status429TooManyRequests);

    Task IResult.ExecuteAsync(HttpContext httpContext)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ExecuteAsync(httpContext);
    }
}
