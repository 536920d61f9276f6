using NearNative.Domain.Suite;

namespace NearNative.Agent.Measurement;

/// <summary>What <c>run</c> was asked to do, after parsing and before anything is measured.</summary>
/// <param name="Runtimes">Slugs to run besides native; null for every known runtime.</param>
/// <param name="Rounds">Measured rounds; null for the default of the size.</param>
/// <param name="Seed">Seed of the round order; null for a random one (recorded in the document either way).</param>
public sealed record RunSettings(
    bool Quick,
    IReadOnlyList<string>? Runtimes,
    int? Rounds,
    int? Seed,
    string? SuiteDirectory,
    bool Pin)
{
    /// <summary>Six rounds are the fewest whose sign-test interval reaches 95% (96.9%), and keep <c>--quick</c> near a minute.</summary>
    public const int DefaultQuickRounds = 6;
    public const int DefaultFullRounds = 15;

    public string Size => Quick ? SuiteManifest.QuickSize : SuiteManifest.FullSize;

    public int EffectiveRounds => Rounds ?? (Quick ? DefaultQuickRounds : DefaultFullRounds);

    /// <summary>Per-process limit; generous, because a slow runtime gets more time, never a smaller input.</summary>
    public TimeSpan ProcessTimeout => Quick ? TimeSpan.FromSeconds(120) : TimeSpan.FromSeconds(600);
}
