using Microsoft.AspNetCore.Http.HttpResults;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure.Telemetry;

namespace NearNative.Api.Submissions;

/// <summary>
/// Counts what the ingest handler answered, read off its typed result, so the handler itself carries no metrics
/// code: 201 accepted or quarantined, 200 the same bytes again, and every problem a rejection named by its status.
/// </summary>
public sealed class IngestOutcomeFilter(IngestMetrics metrics) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        metrics.Record(Classify(result));
        return result;
    }

    public static IngestOutcome Classify(object? result) => result switch
    {
        INestedHttpResult nested => Classify(nested.Result),
        Created<SubmissionResponse> { Value.Status: SubmissionStatus.Quarantined } => IngestOutcome.Quarantined,
        IStatusCodeHttpResult { StatusCode: StatusCodes.Status201Created } => IngestOutcome.Accepted,
        IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } => IngestOutcome.Duplicate,
        IStatusCodeHttpResult { StatusCode: { } status } => IngestOutcome.Rejected(Reason(status)),
        _ => IngestOutcome.Rejected("unknown"),
    };

    private static string Reason(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "invalid",
        StatusCodes.Status401Unauthorized => "unauthenticated",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status409Conflict => "conflict",
        StatusCodes.Status413PayloadTooLarge => "too-large",
        StatusCodes.Status429TooManyRequests => "key-quota",
        _ => $"status-{status}",
    };
}

public static class IngestOutcomes
{
    /// <summary>Put first, so validation answers of later filters are counted too.</summary>
    public static RouteHandlerBuilder WithIngestMetrics(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<IngestOutcomeFilter>();
}
