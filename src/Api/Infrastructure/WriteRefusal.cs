using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// A signed write refused for who sent it rather than for what it says: not a registered key or a bad signature
/// (401), a revoked key (403), or the key's quota spent (429). One case of a handler's <c>Results&lt;…&gt;</c>
/// for all of them, which keeps it within the framework's six cases, and still one declared response per status
/// in the OpenAPI document. Made only from those three problems, so it never answers a status it does not declare.
/// </summary>
public sealed class WriteRefusal : IResult, INestedHttpResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private readonly ProblemResult _problem;

    public WriteRefusal(UnauthorizedProblem problem) => _problem = problem;

    public WriteRefusal(ForbiddenProblem problem) => _problem = problem;

    public WriteRefusal(TooManyRequestsProblem problem) => _problem = problem;

    public IResult Result => _problem;

    public int? StatusCode => _problem.StatusCode;

    // Through IResult, so that a 429 writes its Retry-After header.
    public Task ExecuteAsync(HttpContext httpContext) => Result.ExecuteAsync(httpContext);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        UnauthorizedProblem.PopulateMetadata(method, builder);
        ForbiddenProblem.PopulateMetadata(method, builder);
        TooManyRequestsProblem.PopulateMetadata(method, builder);
    }
}
