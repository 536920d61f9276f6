using System.Text.Json;
using System.Text.Json.Serialization;

namespace NearNative.Api.Infrastructure;

public static class JsonSetup
{
    /// <summary>
    /// camelCase web defaults, enums as kebab-case strings, and strict reading of untrusted bodies: a shallow
    /// depth limit, no field given twice and no field the request type does not have.
    /// </summary>
    public static WebApplicationBuilder AddJson(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.MaxDepth = 16;
            options.SerializerOptions.AllowDuplicateProperties = false;
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        return builder;
    }
}
