namespace NearNative.Agent;

/// <summary>The command that starts this agent again: the apphost if there is one, else <c>dotnet nearnative.dll</c>.</summary>
public sealed record AgentExecutable(string FileName, IReadOnlyList<string> LeadingArguments)
{
    private const string AppHostName = "nearnative";

    public static AgentExecutable Current()
    {
        var processPath = Environment.ProcessPath;
        if (processPath is not null && Path.GetFileName(processPath) == AppHostName)
        {
            return new AgentExecutable(processPath, []);
        }

        // Running as `dotnet nearnative.dll`, or loaded by a test host: start the assembly through the muxer.
        var assembly = Path.Combine(AppContext.BaseDirectory, AppHostName + ".dll");
        var muxer = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath
            ? hostPath
            : processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet" ? processPath : "dotnet";
        return new AgentExecutable(muxer, [assembly]);
    }
}
