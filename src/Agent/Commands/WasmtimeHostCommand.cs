using System.CommandLine;
using NearNative.Agent.Runtimes;

namespace NearNative.Agent.Commands;

/// <summary>Hidden verb: the child process in which <see cref="WasmtimeRuntime"/> runs one sample.</summary>
public static class WasmtimeHostCommand
{
    public static Command Create(AgentContext context)
    {
        var module = new Argument<string>("MODULE") { Description = "The .wasm file (WASI preview 1 command)." };
        var arguments = new Argument<string[]>("ARGS") { Description = "Arguments passed to the module.", Arity = ArgumentArity.ZeroOrMore };
        var preopen = new Option<bool>(WasmtimeHost.PreopenCwdOption) { Description = "Preopen the current directory as the guest's \".\"." };
        var target = new Option<string?>(WasmtimeHost.TargetOption)
        {
            Description = $"Compilation target of the engine, e.g. {WasmtimeTarget.Pulley64} (the Pulley interpreter); default: native code.",
        };
        var command = new Command(WasmtimeHost.VerbName, "Run one WASI module under the embedded Wasmtime (used by `run`).") { module, arguments, preopen, target };
        command.Hidden = true;
        command.SetGuardedAction(context, (parsed, _) =>
        {
            try
            {
                return Task.FromResult(WasmtimeHost.Run(
                    parsed.GetRequiredValue(module), parsed.GetValue(arguments) ?? [], parsed.GetValue(preopen), parsed.GetValue(target), context.Error));
            }
            catch (Wasmtime.WasmtimeException e)
            {
                throw new AgentException(ExitCodes.RuntimeError, e.Message.ReplaceLineEndings(" "), e);
            }
        });
        return command;
    }
}
