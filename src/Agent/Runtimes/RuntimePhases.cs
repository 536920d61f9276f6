using System.Text.Json;

namespace NearNative.Agent.Runtimes;

/// <summary>
/// The phase timings a runtime child reports as its last stderr line,
/// <c>nearnative-phases {"engine":ns,"compile":ns,"instantiate":ns,"execute":ns}</c>
/// (the embedded Wasmtime host, the Node runner and wasm2c executables print it).
/// </summary>
public static class RuntimePhases
{
    public const string Prefix = "nearnative-phases ";

    public const string Engine = "engine";
    public const string Compile = "compile";
    public const string Instantiate = "instantiate";
    public const string Execute = "execute";

    /// <summary>Formats the line a child prints; keys in the given order.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, long>> phases) =>
        Prefix + "{" + string.Join(',', phases.Select(p => $"\"{p.Key}\":{p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}")) + "}";

    /// <summary>
    /// Reads the phases from the last non-empty line of a stderr tail. False when that line is not a phases line
    /// or is malformed: a workload's own stderr output after it, a cut-off tail, negative or non-integer values.
    /// </summary>
    public static bool TryParse(string stderrTail, out IReadOnlyDictionary<string, long> phases)
    {
        phases = new Dictionary<string, long>();
        var lines = stderrTail.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0 || !lines[^1].StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parsed = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            using var json = JsonDocument.Parse(lines[^1][Prefix.Length..]);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetInt64(out var ns) || ns < 0
                    || !parsed.TryAdd(property.Name, ns))
                {
                    return false;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        if (parsed.Count == 0)
        {
            return false;
        }

        phases = parsed;
        return true;
    }
}
