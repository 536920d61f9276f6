namespace NearNative.Agent;

/// <summary>
/// A failure the user can act on. The command line prints its message as one plain line and exits with
/// <see cref="ExitCode"/>; there is never a stack trace.
/// </summary>
public sealed class AgentException : Exception
{
    public AgentException()
        : this(ExitCodes.RuntimeError, "unexpected failure")
    {
    }

    public AgentException(string message)
        : this(ExitCodes.RuntimeError, message)
    {
    }

    public AgentException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = ExitCodes.RuntimeError;
    }

    public AgentException(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }

    public static AgentException Usage(string message) => new(ExitCodes.Usage, message);
}
