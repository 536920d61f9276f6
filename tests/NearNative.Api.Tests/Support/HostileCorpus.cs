using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NearNative.Tests.Hostile;

namespace NearNative.Api.Tests.Support;

/// <summary>The hostile HTTP requests and signed-document mutations kept as data in <c>tests/Hostile</c>.</summary>
public static class HostileCorpus
{
    public static IReadOnlyList<HostileRequest> Requests()
    {
        using var json = Read("requests.json");
        return [.. json.RootElement.GetProperty("cases").EnumerateArray().Select(c => new HostileRequest(
            c.GetProperty("name").GetString()!,
            new HttpMethod(Text(c, "method") ?? "POST"),
            Text(c, "path") ?? "/api/v1/submissions",
            Text(c, "contentType") ?? "application/json",
            Flag(c, "chunked"),
            Flag(c, "protocol"),
            c.TryGetProperty("body", out var body) ? Body(body) : null))];
    }

    public static IReadOnlyList<DocumentMutation> DocumentMutations()
    {
        using var json = Read("signed.json");
        return [.. json.RootElement.GetProperty("documents").EnumerateArray().Select(c => new DocumentMutation(
            c.GetProperty("name").GetString()!,
            new Regex(c.GetProperty("pattern").GetString()!, RegexOptions.Singleline | RegexOptions.CultureInvariant),
            c.GetProperty("replace").GetString()!))];
    }

    public static IReadOnlyList<(string Name, string Template)> EnvelopeMutations()
    {
        using var json = Read("signed.json");
        return [.. json.RootElement.GetProperty("envelopes").EnumerateArray()
            .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("template").GetString()!))];
    }

    private static JsonDocument Read(string file) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(HostileJson.CorpusDirectory, file)));

    private static bool Flag(JsonElement element, string name) => element.TryGetProperty(name, out var value) && value.GetBoolean();

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static byte[] Body(JsonElement parts)
    {
        var body = new MemoryStream();
        foreach (var part in parts.EnumerateArray())
        {
            var (text, times) = part.ValueKind == JsonValueKind.String
                ? (part.GetString()!, 1)
                : (part.GetProperty("text").GetString()!, part.GetProperty("times").GetInt32());
            var bytes = HostileJson.Decode(text);
            for (var i = 0; i < times; i++)
            {
                body.Write(bytes);
            }
        }

        return body.ToArray();
    }
}

/// <summary>One request of the corpus; <paramref name="Body"/> is null for a request without one.</summary>
/// <param name="Protocol">The HTTP server refuses it before the application sees it, so its 4xx has no problem details.</param>
public sealed record HostileRequest(string Name, HttpMethod Method, string Path, string ContentType, bool Chunked, bool Protocol, byte[]? Body)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is null)
        {
            return message;
        }

        message.Content = Chunked ? new ChunkedContent(Body) : new ByteArrayContent(Body);
        message.Content.Headers.ContentType = null;
        if (ContentType.Length > 0)
        {
            message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        return message;
    }
}

/// <summary>The first match of <paramref name="Pattern"/> in a document's JSON text becomes <paramref name="Replacement"/>.</summary>
public sealed record DocumentMutation(string Name, Regex Pattern, string Replacement)
{
    /// <summary>The mutated bytes; the text must contain a match, or the corpus no longer says what it claims.</summary>
    public byte[] Apply(byte[] document)
    {
        var text = Encoding.UTF8.GetString(document);
        var match = Pattern.Match(text);
        Assert.True(match.Success, $"signed.json '{Name}': the pattern does not match the document");
        return
        [
            .. Encoding.UTF8.GetBytes(text[..match.Index]),
            .. HostileJson.Decode(Replacement.Replace("$0", match.Value, StringComparison.Ordinal)),
            .. Encoding.UTF8.GetBytes(text[(match.Index + match.Length)..]),
        ];
    }
}
