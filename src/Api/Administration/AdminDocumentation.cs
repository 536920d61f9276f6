using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NearNative.Api.Administration;

/// <summary>Marks the administrator's operations in the OpenAPI document with the bearer scheme they require (their tag is the group's).</summary>
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
}
