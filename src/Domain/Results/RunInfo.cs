namespace NearNative.Domain.Results;

/// <summary>How the run was conducted, so a reader can judge the numbers.</summary>
/// <param name="Seed">Seed of the shuffled round order.</param>
/// <param name="Noisy">True when the machine was busy during the run; the samples are kept and the run is labelled.</param>
public sealed record RunInfo(
    int Rounds,
    int Seed,
    bool Noisy,
    double LoadBefore,
    double LoadAfter,
    double StealPercent);
