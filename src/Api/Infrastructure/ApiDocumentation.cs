using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// The OpenAPI document at <c>/swagger/v1/swagger.json</c>, built from the typed results, and Swagger UI at
/// <c>/swagger</c>. Clean under Redocly's recommended rules (a test lints it): every operation has a summary, every
/// tag a description (<see cref="OpenApiTags.WithDescribedTag"/>), the server is the one serving the document, and
/// security is declared: none at the HTTP level, since writes are authenticated by the Ed25519 signature in the body.
/// </summary>
public static class ApiDocumentation
{
    public static WebApplicationBuilder AddApiDocumentation(this WebApplicationBuilder builder)
    {
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "NearNative API",
                Version = "v1",
                Description = "Signed WebAssembly-versus-native benchmark results, the leaderboard computed from them, and README badges.",
            });
            options.AddServer(new OpenApiServer { Url = "/", Description = "The server that serves this document." });

            options.DocumentFilter<NoHttpSecurityFilter>();
            options.DocumentFilter<DescribedTagsFilter>();
            options.SupportNonNullableReferenceTypes();

            // Query records bind case-insensitively; the document names their parameters as clients write them.
            options.DescribeAllParametersInCamelCase();
            options.OperationFilter<CsvResponseOperationFilter>();

            // The handlers' and contracts' doc comments are the parameter and field descriptions.
            options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "NearNative.Api.xml"), includeControllerXmlComments: true);

            // Request bodies shared with the agent (envelope, key registration, rotation) are Domain types.
            options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "NearNative.Domain.xml"));
        });
        return builder;
    }

    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options => options.SwaggerEndpoint("/swagger/v1/swagger.json", "NearNative API v1"));
        return app;
    }
}

/// <summary>
/// Declares at the root that no operation needs HTTP credentials: one empty security requirement, which OpenAPI
/// reads as anonymous access (an empty list would be the same, but serializers leave empty lists out).
/// </summary>
public sealed class NoHttpSecurityFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context) => swaggerDoc.Security = [new OpenApiSecurityRequirement()];
}
