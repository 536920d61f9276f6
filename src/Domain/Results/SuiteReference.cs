namespace NearNative.Domain.Results;

/// <param name="Id">Suite version, e.g. <c>std-2026.1</c>.</param>
/// <param name="Size"><c>quick</c> or <c>full</c>: the input size every runtime was given.</param>
public sealed record SuiteReference(string Id, string Size);
