using NearNative.Agent;
using NearNative.Agent.Commands;

// nearnative <verb>: run | keys init | keys register | submit   (see Commands/)
//   run:    Suite/ (verify) → Machine/ (describe, be polite) → Runtimes/ (probe) → Measurement/ (rounds) → Reports/
//   submit: Submission/ (seal, sign, send with retries)
return await AgentCli.InvokeAsync(args, AgentContext.FromProcess());
