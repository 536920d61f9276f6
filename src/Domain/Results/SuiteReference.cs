namespace NearNative.Domain.Results;

/// <param name="Id">Suite version, e.g. <c>std-2026.1</c>.</param>
/// <param name="Size"><c>quick</c> or <c>full</c>: the input size every runtime was given.</param>
public sealed record SuiteReference(string Id, string Size)
{
    /// <summary>Suite id (and size) of a run of the user's own program rather than a published suite.</summary>
    public const string CustomId = "custom";

    /// <summary>The reference a run of the user's own program carries.</summary>
    public static SuiteReference Custom { get; } = new(CustomId, CustomId);

    /// <summary>
    /// Whether a suite id names the user's own modules: <c>custom</c>, or <c>custom-</c> and any name. Such a run is
    /// fine for a local report but never comparable, because no other runtime or machine ran the same bytes; the
    /// leaderboard refuses it.
    /// </summary>
    public static bool IsCustom(string? suiteId) =>
        suiteId is not null && (suiteId == CustomId || suiteId.StartsWith(CustomId + "-", StringComparison.Ordinal));
}
