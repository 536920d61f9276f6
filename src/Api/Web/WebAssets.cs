using System.Collections.Frozen;
using System.Security.Cryptography;

namespace NearNative.Api.Web;

/// <summary>
/// The site's stylesheet and its one small script, embedded in the assembly and served under a name that carries a
/// hash of their bytes, so browsers may keep them for a year and a new deployment is fetched at once.
/// </summary>
public static class WebAssets
{
    public static WebAsset Stylesheet { get; } = Load("site.css", "text/css; charset=utf-8");

    /// <summary>Progressive enhancement only: copy buttons for the badge snippets. Every page works without it.</summary>
    public static WebAsset Script { get; } = Load("copy.js", "text/javascript; charset=utf-8");

    private static readonly FrozenDictionary<string, WebAsset> ByName =
        new[] { Stylesheet, Script }.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);

    /// <param name="name">The asset's name with its hash, e.g. <c>site.0123abcd.css</c>.</param>
    public static IResult Get(string name) =>
        ByName.TryGetValue(name, out var asset)
            ? TypedResults.Bytes(asset.Bytes, asset.ContentType)
            : TypedResults.NotFound();

    private static WebAsset Load(string file, string contentType)
    {
        using var stream = typeof(WebAssets).Assembly.GetManifestResourceStream("NearNative.Api.Web.Assets." + file)
            ?? throw new InvalidOperationException($"The web asset {file} is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 6));
        var extension = Path.GetExtension(file);
        return new WebAsset($"{Path.GetFileNameWithoutExtension(file)}.{hash}{extension}", contentType, bytes);
    }
}

/// <param name="Name">The file name with the hash of its bytes.</param>
public sealed record WebAsset(string Name, string ContentType, byte[] Bytes)
{
    public string Url => "/assets/" + Name;
}
