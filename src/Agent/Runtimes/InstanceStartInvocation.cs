namespace NearNative.Agent.Runtimes;

/// <summary>One measurement of instance start in a running host: the host starts <see cref="Warmup"/> then <see cref="Count"/> timed instances, one after another, then keeps <see cref="Live"/> alive at once.</summary>
/// <param name="ModulePath">The suite's empty module, as the runtime's samples run it.</param>
/// <param name="Arguments">The size's argument list from the manifest.</param>
public sealed record InstanceStartInvocation(string ModulePath, IReadOnlyList<string> Arguments, int Warmup, int Count, int Live);
