using NearNative.Api.Keys;
using NearNative.Api.Submissions;
using NearNative.Domain.Results;

namespace NearNative.Api.Web.SubmissionDetail;

/// <param name="Document">The signed result document, as stored.</param>
/// <param name="Key">The key that signed it; null if it is no longer stored.</param>
public sealed record SubmissionModel(SubmissionResponse Submission, ResultDocument Document, KeyResponse? Key)
{
    /// <summary>
    /// How quiet the machine was: <c>quiet</c>, <c>some noisy rounds</c> (kept, labelled per round) or <c>noisy</c>
    /// (the agent marked the whole run, which then counts in no figure).
    /// </summary>
    public string NoiseGrade => Document.Run switch
    {
        { Noisy: true } => "noisy",
        { NoisyRounds: > 0 } => "some noisy rounds",
        _ => "quiet",
    };

    public int MeasuredSamples => Document.Samples.Count(s => s.Stage == SampleStage.Measured);
}
