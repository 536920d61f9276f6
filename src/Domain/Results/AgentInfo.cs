namespace NearNative.Domain.Results;

public sealed record AgentInfo(string Version);
