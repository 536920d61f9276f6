using FluentValidation;
using FluentValidation.Results;
using NearNative.Domain.Results;

namespace NearNative.Api.Submissions;

/// <summary>
/// Bounds of a document's instance-start measurements: each names a declared runtime measured in its host, or native
/// started by a known method; at most one per runtime and method; every time positive and under ten seconds; an
/// unavailable method carries its reason and no values.
/// </summary>
public static class InstanceStartRules
{
    /// <summary>Enough to fix a document without answering a broken one line by line.</summary>
    private const int MaxErrors = 50;

    public static void Validate(ResultDocument document, ValidationContext<ResultDocument> context)
    {
        if (document.InstanceStarts is null)
        {
            context.AddFailure(nameof(ResultDocument.InstanceStarts), "Must be a list (empty when not measured).");
            return;
        }

        if (document.InstanceStarts.Count > DocumentLimits.MaxInstanceStarts)
        {
            context.AddFailure(nameof(ResultDocument.InstanceStarts), $"Must hold at most {DocumentLimits.MaxInstanceStarts} measurements.");
            return;
        }

        var runtimes = document.Runtimes?.Where(r => r is { IsNative: false }).Select(r => r.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        var seen = new HashSet<(string, string)>();
        var errors = 0;
        for (var i = 0; i < document.InstanceStarts.Count && errors < MaxErrors; i++)
        {
            foreach (var (property, message) in Problems(document.InstanceStarts[i], runtimes, seen))
            {
                context.AddFailure(new ValidationFailure($"{nameof(ResultDocument.InstanceStarts)}[{i}]{property}", message));
                errors++;
            }
        }
    }

    private static IEnumerable<(string Property, string Message)> Problems(InstanceStart? measurement, HashSet<string> runtimes, HashSet<(string, string)> seen)
    {
        if (measurement is null)
        {
            yield return ("", "Must not be null.");
            yield break;
        }

        var native = measurement.Runtime == RuntimeInfo.NativeId;
        if (!native && !runtimes.Contains(measurement.Runtime))
        {
            yield return (".Runtime", $"Must be '{RuntimeInfo.NativeId}' or a declared runtime.");
        }
        else if (native ? !InstanceStart.NativeMethods.Contains(measurement.Method) : measurement.Method != InstanceStart.InHost)
        {
            yield return (".Method", native
                ? $"Native is started by {string.Join(", ", InstanceStart.NativeMethods)}."
                : $"A runtime's instances start '{InstanceStart.InHost}'.");
        }
        else if (!seen.Add((measurement.Runtime, measurement.Method)))
        {
            yield return ("", $"'{measurement.Runtime}' '{measurement.Method}' is measured twice.");
        }

        if (measurement.StartNs is null || measurement.WarmupNs is null)
        {
            yield return ("", "StartNs and WarmupNs must be lists.");
            yield break;
        }

        if (measurement.UnavailableReason is { } reason)
        {
            if (reason.Length is 0 or > DocumentLimits.MaxReason || !TextRules.IsSafe(reason))
            {
                yield return (".UnavailableReason", $"Must be 1 to {DocumentLimits.MaxReason} characters without control characters.");
            }

            if (measurement is not { StartNs.Count: 0, WarmupNs.Count: 0, LiveInstances: 0, ResidentBytesBefore: null, ResidentBytesAfter: null })
            {
                yield return ("", "An unavailable method has no values.");
            }

            yield break;
        }

        if (measurement.StartNs.Count is < 1 or > DocumentLimits.MaxInstanceStartCount)
        {
            yield return (".StartNs", $"Must hold between 1 and {DocumentLimits.MaxInstanceStartCount} starts.");
        }

        if (measurement.WarmupNs.Count > DocumentLimits.MaxInstanceWarmup)
        {
            yield return (".WarmupNs", $"Must hold at most {DocumentLimits.MaxInstanceWarmup} starts.");
        }

        if (measurement.StartNs.Concat(measurement.WarmupNs).Any(ns => ns is <= 0 or >= DocumentLimits.MaxInstanceStartNs))
        {
            yield return (".StartNs", "Every start must take more than 0 and less than ten seconds.");
        }

        if (measurement.LiveInstances is < 0 or > DocumentLimits.MaxLiveInstances)
        {
            yield return (".LiveInstances", $"Must be between 0 and {DocumentLimits.MaxLiveInstances}.");
        }

        if (measurement.ResidentBytesBefore is < 0 or > DocumentLimits.MaxPeakRssBytes
            || measurement.ResidentBytesAfter is < 0 or > DocumentLimits.MaxPeakRssBytes
            || (measurement.ResidentBytesBefore is null) != (measurement.ResidentBytesAfter is null))
        {
            yield return (".ResidentBytesAfter", "Resident bytes before and after must both be given, between 0 and 4 TiB, or both be null.");
        }
    }
}
