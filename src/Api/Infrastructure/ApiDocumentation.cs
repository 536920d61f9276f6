using Microsoft.OpenApi;

namespace NearNative.Api.Infrastructure;

/// <summary>The OpenAPI document at <c>/swagger/v1/swagger.json</c>, built from the typed results, and Swagger UI at <c>/swagger</c>.</summary>
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
            options.SupportNonNullableReferenceTypes();

            // Query records bind case-insensitively; the document names their parameters as clients write them.
            options.DescribeAllParametersInCamelCase();
            options.OperationFilter<CsvResponseOperationFilter>();

            // The handlers' and contracts' doc comments are the parameter and field descriptions.
            options.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "NearNative.Api.xml"), includeControllerXmlComments: true);
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
