using NearNative.Agent.Commands;
using NearNative.Agent.Submission;

namespace NearNative.Agent.Tests.Support;

/// <summary>What one in-process invocation of the agent printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] OutputLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Runs the agent's command line in this process, with its own home directory and captured writers.</summary>
internal static class CliRun
{
    public static async Task<CliResult> InvokeAsync(string home, params string[] args) =>
        await InvokeAsync(home, HttpSettings.Default, args);

    public static async Task<CliResult> InvokeAsync(string home, HttpSettings http, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new AgentContext(output, error, home, null, AgentExecutable.Current()) { Http = http };
        var exitCode = await AgentCli.InvokeAsync(args, context);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
