using System.Reflection;
using CsvHelper;
using Microsoft.AspNetCore.Http.Metadata;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// An RFC 4180 CSV body (UTF-8, CRLF, a header row). Text that a spreadsheet would run as a formula (starting
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR) is written with a leading <c>'</c>, so contributors'
/// text opens as text. Every other character, markup included, is written as it is.
/// </summary>
public sealed class CsvResult(IReadOnlyList<string> header, IEnumerable<string?[]> rows)
    : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public const string MediaType = "text/csv";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => MediaType + "; charset=utf-8; header=present";

    /// <summary>Marks the endpoint, whose JSON 200 documents itself, as also answering <c>text/csv</c> (see <see cref="CsvResponseOperationFilter"/>).</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new CsvResponseMetadata());

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = ContentType;
        await using var csv = CsvWriter.Create(httpContext.Response.Body, Options, leaveOpen: true);
        csv.WriteHeader([.. header]);
        foreach (var row in rows)
        {
            await csv.WriteRecordAsync(row, httpContext.RequestAborted);
        }

        await csv.FlushAsync(httpContext.RequestAborted);
    }
}

/// <summary>Endpoint metadata: the 200 answer may also be CSV.</summary>
public sealed class CsvResponseMetadata;
