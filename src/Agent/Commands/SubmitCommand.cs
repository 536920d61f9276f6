using System.CommandLine;
using System.Text.Json;
using NearNative.Agent.Submission;
using NearNative.Domain.Results;

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
            var document = ReadDocument(parsed.GetRequiredValue(file));
            using var key = new KeyStore(context.Home).Load();
            using var client = new ServerClient(parsed.GetRequiredValue(server), context.Http);
            var receipt = await Submitter.SubmitAsync(client, document, key, cancellationToken);
            Submitter.Print(context, receipt);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static ResultDocument ReadDocument(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw AgentException.Usage($"cannot read {path}: {e.Message}");
        }

        ResultDocument document;
        try
        {
            document = ResultJson.Deserialize(bytes);
        }
        catch (JsonException e)
        {
            throw AgentException.Usage($"{path} is not a result document: {e.Message}");
        }

        return document.Schema == ResultDocument.CurrentSchema
            ? document
            : throw AgentException.Usage($"{path} has schema '{document.Schema}'; this agent sends '{ResultDocument.CurrentSchema}'");
    }
}
