namespace NearNative.Agent;

/// <summary>The agent's process exit codes; scripts may rely on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something failed while running: a runtime, the file system, the network.</summary>
    public const int RuntimeError = 1;

    /// <summary>Bad command line or bad input file.</summary>
    public const int Usage = 2;

    /// <summary>A suite artifact is missing or does not match the manifest.</summary>
    public const int SuiteIntegrity = 3;

    /// <summary>The server refused the request (4xx other than time-outs and rate limits).</summary>
    public const int SubmissionRefused = 4;

    /// <summary>Ctrl-C: 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
