using NearNative.Domain.Statistics;

namespace NearNative.Domain.Tests.Statistics;

/// <summary>
/// A simulated machine shaped like the development VM: every process's time carries log-normal noise, and
/// the machine drifts in and out of slow spells (a two-state Markov chain) that multiply every process by
/// 1.5–1.7× for several processes in a row. Processes run one after another, so two processes run back to
/// back usually share a spell and two a round apart do not.
/// </summary>
/// <param name="noiseSigma">
/// Standard deviation of the log-time noise outside spells. The defaults reproduce the VM's figures: log-time
/// autocorrelation about 0.4 one process apart and 0.15 five apart, a standard deviation of log time of 0.16.
/// </param>
/// <param name="enterSpell">Chance that the next process starts a spell (on average one process in 70).</param>
internal sealed class SlowSpellMachine(SplitMix64 random, double noiseSigma = 0.11, double enterSpell = 0.015)
{
    /// <summary>Chance that a spell ends after the current process: spells last five processes on average.</summary>
    public const double LeaveSpell = 0.2;

    public const double SlowestSpell = 1.7;

    public const double MildestSpell = 1.5;

    private double _spell = 1;

    /// <summary>The time of the next process on this machine, for a program whose undisturbed time is <paramref name="ideal"/>.</summary>
    public double Next(double ideal)
    {
        var slow = _spell > 1;
        if (slow ? Uniform() < LeaveSpell : Uniform() < enterSpell)
        {
            _spell = slow ? 1 : MildestSpell + ((SlowestSpell - MildestSpell) * Uniform());
        }

        return ideal * _spell * Math.Exp(noiseSigma * Normal());
    }

    public double Uniform() => (random.Next() >> 11) * (1.0 / (1UL << 53));

    public SplitMix64 Random => random;

    /// <summary>Standard normal draw (Box–Muller).</summary>
    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - Uniform())) * Math.Cos(2 * Math.PI * Uniform());
}
