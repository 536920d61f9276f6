using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// A body the framework could not bind becomes problem details that name the offending field (a duplicate,
/// an unknown field, a value of the wrong type); other bad requests keep the status the server chose (413 for
/// a body that grew too large while streaming). Client errors are not logged as failures.
/// </summary>
public sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        ProblemDetails problem = new() { Status = bad.StatusCode };
        if (bad.InnerException is JsonException json)
        {
            var (field, message) = JsonErrors.Describe(json);
            problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field.Length == 0 ? "body" : field] = [message] })
            {
                Status = bad.StatusCode,
                Detail = "The request body is not valid JSON of the expected shape" + JsonErrors.AtField(field, message),
            };
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
