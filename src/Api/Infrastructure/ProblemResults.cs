using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// A problem details response of a fixed status that tells OpenAPI about itself, which the framework's
/// <see cref="ProblemHttpResult"/> cannot since its status is only known at run time.
/// </summary>
public abstract class ProblemResult(int statusCode, string title, string detail)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ProblemDetails>
{
    public int StatusCode { get; } = statusCode;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public ProblemDetails Value { get; } = new() { Status = statusCode, Title = title, Detail = detail };

    object? IValueHttpResult.Value => Value;

    public Task ExecuteAsync(HttpContext httpContext) =>
        TypedResults.Problem(Value).ExecuteAsync(httpContext);

    protected static void Describe(EndpointBuilder builder, int statusCode) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(statusCode, typeof(ProblemDetails), ["application/problem+json"]));
}

/// <summary>401: the request is not signed by a registered, unrevoked key.</summary>
public sealed class UnauthorizedProblem(string detail)
    : ProblemResult(StatusCodes.Status401Unauthorized, "Unauthorized", detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Describe(builder, StatusCodes.Status401Unauthorized);
}

/// <summary>404 with a sentence saying what was not found.</summary>
public sealed class NotFoundProblem(string detail)
    : ProblemResult(StatusCodes.Status404NotFound, "Not Found", detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Describe(builder, StatusCodes.Status404NotFound);
}

/// <summary>403: the caller is known but not allowed, e.g. a submission signed with a revoked key.</summary>
public sealed class ForbiddenProblem(string detail)
    : ProblemResult(StatusCodes.Status403Forbidden, "Forbidden", detail), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Describe(builder, StatusCodes.Status403Forbidden);
}
