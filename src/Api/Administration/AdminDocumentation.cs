using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NearNative.Api.Administration;

/// <summary>Marks the administrator's operations in the OpenAPI document: their own tag, and the bearer scheme they require.</summary>
public static class AdminDocumentation
{
    public static void AddAdministrationDocumentation(this SwaggerGenOptions options)
    {
        options.AddSecurityDefinition(AdminTokenHandler.SchemeName, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The operator's token (configuration Admin:Token). Contributors never need it.",
        });
        options.OperationFilter<AdminSecurityFilter>();
        options.DocumentFilter<AdminTagFilter>();
    }

    private sealed class AdminSecurityFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (operation.Tags?.Any(t => t.Name == AdminApi.Tag) != true)
            {
                return;
            }

            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AdminTokenHandler.SchemeName, context.Document)] = [] },
            ];
        }
    }

    private sealed class AdminTagFilter : IDocumentFilter
    {
        public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
        {
            if (swaggerDoc.Paths.Keys.Any(p => p.StartsWith("/api/v1/admin/", StringComparison.Ordinal)))
            {
                swaggerDoc.Tags ??= new HashSet<OpenApiTag>();
                swaggerDoc.Tags.Add(new OpenApiTag
                {
                    Name = AdminApi.Tag,
                    Description = "Operator-only endpoints behind a bearer token; absent when no token is configured.",
                });
            }
        }
    }
}
