using Perfolizer.Mathematics.Multimodality;
using Perfolizer.Mathematics.OutlierDetection;

namespace NearNative.Domain.Statistics;

/// <summary>Shape checks on a series of ratios, through Perfolizer. They label; they never remove a sample.</summary>
public static class SampleShape
{
    /// <summary>
    /// Below this many values the lowland detector cannot tell two modes from noise (measured: it calls
    /// uniform noise bimodal at 30 values), so no multimodality verdict is given.
    /// </summary>
    public const int MinimumForModality = 40;

    /// <summary>Values outside Tukey's fences (1.5 interquartile ranges), on the log scale where ratios are symmetric.</summary>
    public static int CountOutliers(IReadOnlyList<double> ratios)
    {
        if (ratios.Count < 4)
        {
            return 0;
        }

        var logs = ratios.Select(r => Math.Log(r)).ToArray();
        var detector = TukeyOutlierDetector.Create(logs);
        return logs.Count(detector.IsOutlier);
    }

    /// <summary>Lowland multimodality detection; null when there are too few values or they are all equal.</summary>
    public static bool? IsMultimodal(IReadOnlyList<double> ratios)
    {
        if (ratios.Count < MinimumForModality || ratios.All(r => r == ratios[0]))
        {
            return null;
        }

        return LowlandModalityDetector.Instance.DetectModes(new Pragmastat.Sample([.. ratios])).Modality > 1;
    }
}
