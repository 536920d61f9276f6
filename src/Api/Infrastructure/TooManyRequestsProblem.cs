using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace NearNative.Api.Infrastructure;

/// <summary>429 with a <c>Retry-After</c> header in whole seconds (at least one).</summary>
public sealed class TooManyRequestsProblem(string detail, TimeSpan retryAfter)
    : ProblemResult(StatusCodes.Status429TooManyRequests, "Too Many Requests", detail), IResult, IEndpointMetadataProvider
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Describe(builder, StatusCodes.Status429TooManyRequests);

    Task IResult.ExecuteAsync(HttpContext httpContext)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ExecuteAsync(httpContext);
    }
}
