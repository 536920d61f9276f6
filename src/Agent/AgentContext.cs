using NearNative.Agent.Submission;

namespace NearNative.Agent;

/// <summary>
/// What the verbs take from the process they run in, gathered once so tests can give each run its own
/// home directory and writers instead of touching process-wide state.
/// </summary>
/// <param name="Home">The agent's own directory: key, salt. Nothing is written anywhere else except an explicit <c>--out</c>.</param>
/// <param name="SuiteFromEnvironment">The value of <c>NEARNATIVE_SUITE</c>, if set.</param>
/// <param name="Self">How to start this agent again, for runtimes hosted in a child process.</param>
public sealed record AgentContext(
    TextWriter Out,
    TextWriter Error,
    string Home,
    string? SuiteFromEnvironment,
    AgentExecutable Self)
{
    /// <summary>How the agent talks to the server; tests swap in a stub handler and short retry delays.</summary>
    public HttpSettings Http { get; init; } = HttpSettings.Default;

    public const string HomeVariable = "NEARNATIVE_HOME";
    public const string SuiteVariable = "NEARNATIVE_SUITE";

    public static AgentContext FromProcess() => new(
        Console.Out,
        Console.Error,
        DefaultHome(),
        Environment.GetEnvironmentVariable(SuiteVariable) is { Length: > 0 } suite ? suite : null,
        AgentExecutable.Current());

    private static string DefaultHome()
    {
        if (Environment.GetEnvironmentVariable(HomeVariable) is { Length: > 0 } home)
        {
            return Path.GetFullPath(home);
        }

        var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(config, "nearnative");
    }
}
