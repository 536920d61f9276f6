using System.Text.Json;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// Says in plain words what a <see cref="JsonException"/> found and where, without the .NET type names its
/// message carries.
/// </summary>
public static class JsonErrors
{
    private const string MissingMarker = "missing required properties including: ";

    /// <summary>
    /// The field as a JSON path in the wire's names (<c>inner.b</c>, <c>samples[3]</c>; empty for the whole
    /// value), and what is wrong with it.
    /// </summary>
    public static (string Field, string Message) Describe(JsonException exception)
    {
        var field = exception.Path is { Length: > 1 } path ? path.TrimStart('$').TrimStart('.') : "";
        var text = exception.Message;
        var message = text switch
        {
            _ when text.StartsWith("Duplicate property", StringComparison.Ordinal) =>
                "Appears more than once; each field may be given only once.",
            _ when text.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) =>
                "Unknown field; remove it.",
            _ when text.IndexOf(MissingMarker, StringComparison.Ordinal) is var at and >= 0 =>
                "Missing required fields: " + text[(at + MissingMarker.Length)..].TrimEnd('.') + ".",
            _ => "Not valid JSON of the expected type here.",
        };
        return (field, message);
    }

    /// <summary>The end of a sentence: " at 'machine.cpu': …", or ": …" when the whole value is at fault.</summary>
    public static string AtField(string field, string message) => field.Length == 0 ? $": {message}" : $" at '{field}': {message}";
}
