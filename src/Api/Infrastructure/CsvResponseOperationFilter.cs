using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// Adds <c>text/csv</c> beside <c>application/json</c> to the 200 answer of endpoints that return a <see cref="CsvResult"/>:
/// the framework keeps one content description per status, so the JSON one would otherwise hide the CSV one or the other way round.
/// </summary>
public sealed class CsvResponseOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<CsvResponseMetadata>().Any()
            || operation.Responses?.TryGetValue("200", out var ok) != true
            || ok is not OpenApiResponse response)
        {
            return;
        }

        response.Content ??= new Dictionary<string, IOpenApiMediaType>();
        response.Content[CsvResult.MediaType] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "RFC 4180 CSV with a header row." },
        };
    }
}
