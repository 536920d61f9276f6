using System.Net;
using System.Text.Json;

namespace NearNative.Agent.Submission;

/// <summary>Turns an RFC 9457 problem details body into one line a person can read.</summary>
public static class ProblemText
{
    private const int MaxBodyEcho = 200;

    public static string Describe(HttpStatusCode status, string body)
    {
        var prefix = $"{(int)status} {status}";
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return prefix;
            }

            var parts = new List<string>();
            if (Text(root, "title") is { } title)
            {
                parts.Add(title);
            }

            if (Text(root, "detail") is { } detail && detail != parts.FirstOrDefault())
            {
                parts.Add(detail);
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                parts.AddRange(errors.EnumerateObject().Select(field => $"{field.Name}: {Messages(field.Value)}"));
            }

            return parts.Count == 0 ? prefix : $"{prefix}: {string.Join("; ", parts)}";
        }
        catch (JsonException)
        {
            var flat = body.ReplaceLineEndings(" ").Trim();
            return flat.Length == 0 ? prefix : $"{prefix}: {(flat.Length > MaxBodyEcho ? flat[..MaxBodyEcho] + "…" : flat)}";
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static string Messages(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? string.Join(", ", value.EnumerateArray().Select(m => m.ToString()))
        : value.ToString();
}
