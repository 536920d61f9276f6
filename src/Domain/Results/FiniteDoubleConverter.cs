using System.Text.Json;
using System.Text.Json.Serialization;

namespace NearNative.Domain.Results;

/// <summary>
/// Reads a JSON number into a <see cref="double"/> only when it is finite: <c>1e309</c> would otherwise read as
/// infinity, a value no measurement has and no JSON writer can write back.
/// </summary>
public sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("Expected a number.");
        }

        var value = reader.GetDouble();
        return double.IsFinite(value) ? value : throw new JsonException("The number is out of the range of a finite double.");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
