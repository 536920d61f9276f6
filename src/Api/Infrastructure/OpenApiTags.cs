using Swashbuckle.AspNetCore.SwaggerGen;
using Microsoft.OpenApi;

namespace NearNative.Api.Infrastructure;

/// <summary>A tag with the sentence that describes it in the OpenAPI document, declared once on the feature's group.</summary>
public sealed record DescribedTag(string Name, string Description);

public static class OpenApiTags
{
    public static TBuilder WithDescribedTag<TBuilder>(this TBuilder builder, string name, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithTags(name).WithMetadata(new DescribedTag(name, description));
}

/// <summary>Lists every tag that an operation uses with its description, in name order.</summary>
public sealed class DescribedTagsFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var tags = context.ApiDescriptions
            .SelectMany(d => d.ActionDescriptor.EndpointMetadata.OfType<DescribedTag>())
            .DistinctBy(t => t.Name)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => new OpenApiTag { Name = t.Name, Description = t.Description });
        swaggerDoc.Tags = new HashSet<OpenApiTag>(tags);
    }
}
