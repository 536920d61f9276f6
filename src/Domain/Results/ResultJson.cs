using System.Text.Json;
using System.Text.Json.Serialization;

namespace NearNative.Domain.Results;

/// <summary>The one JSON shape of result documents, shared by agent and server.</summary>
public static class ResultJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static byte[] Serialize(ResultDocument document) =>
        JsonSerializer.SerializeToUtf8Bytes(document, Options);

    /// <exception cref="JsonException">The bytes are not a result document.</exception>
    public static ResultDocument Deserialize(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<ResultDocument>(utf8, Options)
        ?? throw new JsonException("The document is empty (null).");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = false,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,

            // Two values for one name would let a reader and a verifier of the same signed bytes disagree.
            AllowDuplicateProperties = false,
            MaxDepth = 16,

            // The agent writes numbers as numbers; the web default would also read "NaN", "Infinity" and "12" in quotes.
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new FiniteDoubleConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
