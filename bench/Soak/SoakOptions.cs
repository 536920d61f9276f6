using System.Globalization;

namespace NearNative.Soak;

/// <param name="Duration">How long the traffic runs in each scenario.</param>
/// <param name="Report">Where the JSON report goes; none when null.</param>
public sealed record SoakOptions(
    IReadOnlyList<string> Scenarios,
    TimeSpan Duration,
    int Writers,
    int Readers,
    int Contributors,
    int MachinesEach,
    int PostgresPort,
    int RedisPort,
    int Seed,
    string? Report,
    string Repository)
{
    public const string Usage =
        """
        nearnative-soak [--scenario all|steady,db-restart,api-kill,conn-kill,two-instances] [--duration 90s]
                        [--writers 4] [--readers 2] [--contributors 8] [--machines 4] [--seed 1]
                        [--pg-port 55450] [--redis-port 56450] [--report soak.json] [--short]
        --short is the CI form: 15 s per scenario, 3 writers, 1 reader.
        """;

    public static SoakOptions Parse(IReadOnlyList<string> args, string repository)
    {
        var options = new SoakOptions(
            [.. NearNative.Soak.Scenarios.Scenario.All.Select(s => s.Name)], TimeSpan.FromSeconds(90), 4, 2, 8, 4, 55450, 56450, 1, null, repository);
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");
            int Number() => int.Parse(Value(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--scenario" => options with { Scenarios = ScenariosOf(Value()) },
                "--duration" => options with { Duration = DurationOf(Value()) },
                "--writers" => options with { Writers = Number() },
                "--readers" => options with { Readers = Number() },
                "--contributors" => options with { Contributors = Number() },
                "--machines" => options with { MachinesEach = Number() },
                "--pg-port" => options with { PostgresPort = Number() },
                "--redis-port" => options with { RedisPort = Number() },
                "--seed" => options with { Seed = Number() },
                "--report" => options with { Report = Value() },
                "--short" => options with { Duration = TimeSpan.FromSeconds(15), Writers = 3, Readers = 1 },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }

    private static IReadOnlyList<string> ScenariosOf(string value)
    {
        var names = NearNative.Soak.Scenarios.Scenario.All.Select(s => s.Name).ToList();
        if (value == "all")
        {
            return names;
        }

        var chosen = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return chosen.FirstOrDefault(c => !names.Contains(c)) is { } unknown
            ? throw new ArgumentException($"unknown scenario {unknown}; one of {string.Join(", ", names)}")
            : chosen;
    }

    private static TimeSpan DurationOf(string value) =>
        value.EndsWith('m')
            ? TimeSpan.FromMinutes(double.Parse(value[..^1], CultureInfo.InvariantCulture))
            : TimeSpan.FromSeconds(double.Parse(value.TrimEnd('s'), CultureInfo.InvariantCulture));
}
