using System.Text.Json;
using System.Text.Json.Serialization;

namespace NearNative.Api.Infrastructure;

public static class JsonSetup
{
    /// <summary>camelCase web defaults, enums as kebab-case strings, and a shallow depth limit for untrusted bodies.</summary>
    public static WebApplicationBuilder AddJson(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.MaxDepth = 16;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        return builder;
    }
}
