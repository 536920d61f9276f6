using System.CommandLine;

namespace NearNative.Agent.Commands;

/// <summary>
/// The command line: the verbs, and the one place that turns every failure into one plain line and an
/// exit code from <see cref="ExitCodes"/>.
/// </summary>
public static class AgentCli
{
    public static RootCommand CreateRoot(AgentContext context) =>
        new("NearNative agent: measures how close WebAssembly runtimes come to native speed on this machine.")
        {
            RunCommand.Create(context),
            KeysCommand.Create(context),
            SubmitCommand.Create(context),
            ReportCommand.Create(context),
            DoctorCommand.Create(context),
            WasmtimeHostCommand.Create(context),
        };

    public static async Task<int> InvokeAsync(string[] args, AgentContext context, CancellationToken cancellationToken = default)
    {
        var parsed = CreateRoot(context).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            context.Error.WriteLine($"nearnative: {parsed.Errors[0].Message}");
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(
            new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false },
            cancellationToken);
    }

    /// <summary>Wraps a verb so expected failures print one line, Ctrl-C exits 130 and nothing prints a stack trace.</summary>
    public static void SetGuardedAction(this Command command, AgentContext context, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parsed, cancellationToken) =>
        {
            try
            {
                return await action(parsed, cancellationToken);
            }
            catch (AgentException e)
            {
                context.Error.WriteLine($"nearnative: {e.Message}");
                return e.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                context.Error.WriteLine("nearnative: cancelled; nothing was written");
                return ExitCodes.Cancelled;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"nearnative: {e.Message}");
                return ExitCodes.RuntimeError;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug: still one line, with what is needed to report it; the stack trace only on request.
                context.Error.WriteLine($"nearnative: internal error ({e.GetType().Name}): {e.Message.ReplaceLineEndings(" ")}");
                if (Environment.GetEnvironmentVariable("NEARNATIVE_DEBUG") is { Length: > 0 })
                {
                    context.Error.WriteLine(e);
                }

                return ExitCodes.RuntimeError;
            }
        });
}
