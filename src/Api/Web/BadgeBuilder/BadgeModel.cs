using System.Text.Encodings.Web;
using NearNative.Api.Runtimes;

namespace NearNative.Api.Web.BadgeBuilder;

/// <param name="Site">The address this server was reached at, e.g. <c>https://nearnative.example</c>, for absolute URLs in snippets.</param>
/// <param name="Chosen">The runtime whose badges are shown; null when no runtime has results.</param>
public sealed record BadgeModel(string Site, IReadOnlyList<RuntimeSummaryResponse> Runtimes, RuntimeSummaryResponse? Chosen, IReadOnlyList<BadgeVariant> Variants)
{
    /// <summary>The SVG badge's path and query, relative to the site.</summary>
    public static string Path(string slug, BadgeVariant variant, string extension = "svg") =>
        $"/badges/{slug}.{extension}" + (variant.Query.Length == 0 ? "" : "?" + variant.Query);

    public string Markdown(string slug, BadgeVariant variant) =>
        $"[![{slug} on NearNative: {variant.Title}]({Site}{Path(slug, variant)})]({Site}/runtimes/{slug})";

    /// <summary>Attribute values encoded for HTML, so a query's <c>&amp;</c> survives being pasted into a page.</summary>
    public string Html(string slug, BadgeVariant variant) =>
        $"<a href=\"{Attribute($"{Site}/runtimes/{slug}")}\"><img src=\"{Attribute(Site + Path(slug, variant))}\" alt=\"{Attribute($"{slug} on NearNative: {variant.Title}")}\"></a>";

    private static string Attribute(string value) => HtmlEncoder.Default.Encode(value);
}

/// <param name="Query">The badge's query string without the <c>?</c>, empty for the default badge.</param>
public sealed record BadgeVariant(string Title, string Query);
