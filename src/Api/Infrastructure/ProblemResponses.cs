using System.Diagnostics;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// Every error is RFC 9457 problem details: expected outcomes from handlers, bodies the framework rejects
/// (malformed JSON, 413), unknown routes, a database that cannot answer for the moment (503 with <c>Retry-After</c>),
/// and exceptions, which become a 500 without a stack trace.
/// </summary>
public static class ProblemResponses
{
    public static WebApplicationBuilder AddProblemResponses(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
            if (problem.Detail is not null || problem is HttpValidationProblemDetails)
            {
                return;
            }

            problem.Detail = problem.Status switch
            {
                StatusCodes.Status400BadRequest => "The request body is not valid JSON of the expected shape.",
                StatusCodes.Status413PayloadTooLarge => "The request body is larger than this endpoint accepts.",
                StatusCodes.Status500InternalServerError => "An unexpected error occurred; it has been logged.",
                _ => null,
            };
        });

        // A body that cannot be bound is thrown so its JsonException reaches BadRequestHandler, which names the
        // field; the handler answers it as the 400 it is, so it is neither logged as an error nor a 500.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestHandler>();
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        return builder;
    }

    public static WebApplication UseProblemResponses(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                _ when DatabaseUnavailableHandler.Transient(exception) is not null => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        return app;
    }
}
