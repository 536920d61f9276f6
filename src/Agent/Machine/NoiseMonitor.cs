using NearNative.Domain.Results;

namespace NearNative.Agent.Machine;

/// <summary>
/// Watches load, steal and CPU pressure over the whole run and round by round. Every round's reading is kept
/// and noisy rounds are labelled; nothing is dropped because of them.
/// </summary>
public sealed class NoiseMonitor
{
    private readonly int _logicalCores;
    private readonly NoiseReading _start;
    private readonly List<RoundNoise> _rounds = [];

    private NoiseMonitor(int logicalCores, NoiseReading start)
    {
        _logicalCores = logicalCores;
        _start = start;
    }

    public static NoiseMonitor Start(int logicalCores) => new(logicalCores, NoiseReading.Take());

    public double LoadBefore => _start.Load;

    public IReadOnlyList<RoundNoise> Rounds => _rounds;

    /// <param name="before">Taken with <see cref="NoiseReading.Take"/> just before the round started.</param>
    public RoundNoise RecordRound(string phase, int round, NoiseReading before)
    {
        var interval = NoiseReading.Between(before, NoiseReading.Take());
        var noise = new RoundNoise(
            phase,
            round,
            Math.Round(interval.Load, 2),
            Math.Round(interval.StealPercent, 3),
            interval.CpuPressurePercent is { } p ? Math.Round(p, 2) : null,
            NoiseAssessment.IsNoisyRound(interval, _logicalCores));
        _rounds.Add(noise);
        return noise;
    }

    public NoiseReport Stop(bool quietBefore)
    {
        var end = NoiseReading.Take();
        var steal = CpuTimes.StealPercent(_start.Cpu, end.Cpu);
        var noisyRounds = _rounds.Count(r => r.Noisy);
        return new NoiseReport(
            _start.Load,
            end.Load,
            steal,
            NoiseAssessment.IsNoisyRun(quietBefore, noisyRounds, _rounds.Count) || steal > NoiseAssessment.MaxStealPercent,
            noisyRounds,
            [.. _rounds]);
    }
}
