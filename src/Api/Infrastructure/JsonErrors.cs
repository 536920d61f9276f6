using System.Text.Json;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// Says in plain words what a <see cref="JsonException"/> found and where, without the .NET type names its
/// message carries.
/// </summary>
public static class JsonErrors
{
    /// <summary>The field as a JSON path in the wire's names (<c>inner.b</c>, <c>samples[3]</c>), and what is wrong with it.</summary>
    public static (string Field, string Message) Describe(JsonException exception)
    {
        var field = exception.Path is { Length: > 1 } path ? path.TrimStart('$').TrimStart('.') : "";
        var message = exception.Message switch
        {
            var m when m.StartsWith("Duplicate property", StringComparison.Ordinal) =>
                "Appears more than once; each field may be given only once.",
            var m when m.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) =>
                "Unknown field; remove it.",
            _ => "Not valid JSON of the expected type here.",
        };
        return (field.Length == 0 ? "body" : field, message);
    }
}
