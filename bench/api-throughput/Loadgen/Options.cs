namespace NearNative.Bench.ApiThroughput;

/// <summary><c>--name value</c> pairs after the verb; a name may repeat (<c>--base a.json --base b.json</c>).</summary>
public sealed class Options
{
    private readonly ILookup<string, string> _values;

    private Options(ILookup<string, string> values) => _values = values;

    public static Options Parse(IReadOnlyList<string> args)
    {
        if (args.Count % 2 != 0 || args.Where((_, i) => i % 2 == 0).Any(a => !a.StartsWith("--", StringComparison.Ordinal)))
        {
            throw new ArgumentException("options come in pairs: --name value");
        }

        return new Options(Enumerable.Range(0, args.Count / 2).ToLookup(i => args[2 * i][2..], i => args[(2 * i) + 1]));
    }

    public string? Find(string name) => _values[name].LastOrDefault();

    public string Get(string name) => Find(name) ?? throw new ArgumentException($"--{name} is required");

    public IReadOnlyList<string> GetAll(string name) =>
        _values[name].ToList() is { Count: > 0 } all ? all : throw new ArgumentException($"--{name} is required");

    public int GetInt(string name, int? fallback = null) =>
        Find(name) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
        : fallback ?? throw new ArgumentException($"--{name} is required");
}
