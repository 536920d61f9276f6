using System.Globalization;
using System.Text.RegularExpressions;

namespace NearNative.Api.Tests.Support;

/// <summary>The samples of one scrape in Prometheus' text format: <c>name{label="value",…} number</c> lines.</summary>
public sealed partial class PrometheusText(string text)
{
    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Label, string Value)[] labels) =>
        text.Split('\n')
            .Select(line => Sample().Match(line))
            .Where(m => m.Success && m.Groups["name"].Value == name)
            .Where(m => labels.All(l => m.Groups["labels"].Value.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    public static async Task<PrometheusText> ScrapeAsync(HttpClient client) => new(await client.GetStringAsync("/metrics"));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)")]
    private static partial Regex Sample();
}
