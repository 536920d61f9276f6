using NearNative.Domain.Suite;

namespace NearNative.Api.Suites;

/// <summary>The suite manifests this server knows, by suite id. Loaded once at startup; immutable after.</summary>
public sealed class SuiteCatalog
{
    private readonly Dictionary<string, SuiteManifest> _suites;

    public SuiteCatalog(IEnumerable<SuiteManifest> manifests)
    {
        _suites = manifests.ToDictionary(m => m.Suite, StringComparer.Ordinal);
        Newest = _suites.Keys.Order(SuiteVersionComparer.Instance).LastOrDefault();
    }

    /// <summary>The id of the newest suite, the leaderboard's default; null when no manifest was loaded.</summary>
    public string? Newest { get; }

    public IReadOnlyCollection<string> Ids => _suites.Keys;

    public SuiteManifest? Find(string? suite) =>
        suite is not null && _suites.TryGetValue(suite, out var manifest) ? manifest : null;
}
