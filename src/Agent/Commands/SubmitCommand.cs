using System.CommandLine;
using NearNative.Agent.Submission;

namespace NearNative.Agent.Commands;

/// <summary><c>submit FILE --server URL</c>: sign a result document and send it.</summary>
public static class SubmitCommand
{
    public static Command Create(AgentContext context)
    {
        var file = new Argument<string>("FILE") { Description = "A result document written by `nearnative run --out FILE`." };
        var server = CommonOptions.Server(required: true);
        var command = new Command("submit", "Sign a result document with your key and send it to the server.") { file, server };
        command.SetGuardedAction(context, async (parsed, cancellationToken) =>
        {
            var document = ResultFile.Read(parsed.GetRequiredValue(file));
            using var key = new KeyStore(context.Home).Load();
            using var client = new ServerClient(parsed.GetRequiredValue(server), context.Http);
            var receipt = await Submitter.SubmitAsync(client, document, key, cancellationToken);
            Submitter.Print(context, receipt);
            return ExitCodes.Ok;
        });
        return command;
    }
}
