using Microsoft.AspNetCore.Http.HttpResults;
using NearNative.Api.Data;
using NearNative.Api.Keys;
using NearNative.Api.Submissions;
using NearNative.Domain.Results;
using NearNative.Domain.Signing;

namespace NearNative.Api.Web.SubmissionDetail;

/// <summary>One stored submission: the machine, the run's noise, verification and status, per-workload figures, raw data.</summary>
public static class SubmissionEndpoint
{
    /// <param name="id">The submission's id.</param>
    public static async Task<RazorComponentResult> Get(string id, NearNativeDbContext db, CancellationToken cancellationToken)
    {
        var answer = await SubmissionsApi.Get(id, db, cancellationToken);
        if (answer.Result is not Ok<SubmissionResponse> { Value: { } submission })
        {
            return Page.For(answer.Result);
        }

        // The machine and the run are read from the signed bytes, as anyone who downloads them would.
        var stored = await SubmissionsApi.GetDocument(id, db, cancellationToken);
        var envelope = ((Ok<SignedEnvelope>)stored.Result).Value!;
        var document = ResultJson.Deserialize(Convert.FromBase64String(envelope.Document));
        var key = await KeysApi.Get(submission.KeyId, db, cancellationToken);
        var holder = key.Result is Ok<KeyResponse> { Value: { } found } ? found : null;
        return Page.Render<SubmissionPage>(new SubmissionModel(submission, document, holder));
    }
}
