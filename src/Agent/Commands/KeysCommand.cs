using System.CommandLine;
using NearNative.Agent.Submission;
using NearNative.Domain.Signing;

namespace NearNative.Agent.Commands;

/// <summary><c>keys init</c>, <c>keys register</c> and <c>keys rotate</c>: the contributor's signing key.</summary>
public static class KeysCommand
{
    public static Command Create(AgentContext context) =>
        new("keys", "Manage the Ed25519 key that signs your results.")
        {
            CreateInit(context),
            CreateRegister(context),
            CreateRotate(context),
        };

    private static Command CreateInit(AgentContext context)
    {
        var force = new Option<bool>("--force") { Description = "Replace an existing key (the old one can no longer sign)." };
        var command = new Command("init", "Create a signing key in the agent's home directory (owner-only file) and print its id.") { force };
        command.SetGuardedAction(context, (parsed, _) =>
        {
            var store = new KeyStore(context.Home);
            using var key = store.Create(parsed.GetValue(force));
            context.Out.WriteLine(Ed25519Keys.KeyIdOf(key));
            context.Error.WriteLine($"created {store.PrivateKeyPath} (readable by you only); next: nearnative keys register --server URL");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command CreateRegister(AgentContext context)
    {
        var server = CommonOptions.Server(required: true);
        var name = new Option<string?>("--name")
        {
            Description = $"A display name shown beside the key (plain text, at most {KeyRegistrationRequest.MaxDisplayNameLength} characters); registering again with another name renames it.",
        };
        var command = new Command("register", "Register the key's public half with the server, with proof of possession.") { server, name };
        command.SetGuardedAction(context, async (parsed, cancellationToken) =>
        {
            using var key = new KeyStore(context.Home).Load();
            using var client = new ServerClient(parsed.GetRequiredValue(server), context.Http);
            await client.RegisterKeyAsync(key, parsed.GetValue(name), cancellationToken);
            context.Out.WriteLine(Ed25519Keys.KeyIdOf(key));
            context.Error.WriteLine($"registered with {client.Server}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateRotate(AgentContext context)
    {
        var server = CommonOptions.Server(required: true);
        var command = new Command(
            "rotate",
            "Replace the registered key with a new one: the old key announces it, the server keeps your submissions and contributor together, and the old key signs nothing more.")
        {
            server,
        };
        command.SetGuardedAction(context, async (parsed, cancellationToken) =>
        {
            var store = new KeyStore(context.Home);
            using var oldKey = store.Load();
            using var newKey = store.LoadOrCreateNext();
            using var client = new ServerClient(parsed.GetRequiredValue(server), context.Http);
            await client.RotateKeyAsync(oldKey, newKey, cancellationToken);
            store.PromoteNext();
            context.Out.WriteLine(Ed25519Keys.KeyIdOf(newKey));
            context.Error.WriteLine(
                $"key {Ed25519Keys.KeyIdOf(oldKey)} was replaced by {Ed25519Keys.KeyIdOf(newKey)} at {client.Server}; " +
                $"the new key is {store.PrivateKeyPath}, the old one is kept in {store.RetiredKeyPath}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
