using NearNative.Domain.Results;
using NSec.Cryptography;

namespace NearNative.Agent.Submission;

/// <summary>Signs a document with the contributor's key and sends it; shared by <c>submit</c> and <c>run --submit</c>.</summary>
public static class Submitter
{
    /// <summary>Signs with the current time, so a file of any age is fresh to the server; retries resend the same bytes.</summary>
    public static Task<SubmissionReceipt> SubmitAsync(ServerClient client, ResultDocument document, Key key, CancellationToken cancellationToken) =>
        client.SubmitAsync(DocumentSealer.Sign(document, key, DateTimeOffset.UtcNow), cancellationToken);

    public static void Print(AgentContext context, SubmissionReceipt receipt)
    {
        context.Out.WriteLine(receipt.Id);
        context.Out.WriteLine(receipt.Url);
        context.Error.WriteLine(receipt.AlreadyStored ? "the server already had this run; nothing new was stored" : "submitted");
    }
}
