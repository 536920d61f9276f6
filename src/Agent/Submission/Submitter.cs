using NearNative.Domain.Results;
using NSec.Cryptography;

namespace NearNative.Agent.Submission;

/// <summary>Signs a document with the contributor's key and sends it; shared by <c>submit</c> and <c>run --submit</c>.</summary>
public static class Submitter
{
    public static Task<SubmissionReceipt> SubmitAsync(ServerClient client, ResultDocument document, Key key, CancellationToken cancellationToken) =>
        client.SubmitAsync(DocumentSealer.Sign(document, key), cancellationToken);

    public static void Print(AgentContext context, SubmissionReceipt receipt)
    {
        context.Out.WriteLine(receipt.Id);
        context.Out.WriteLine(receipt.Url);
        context.Error.WriteLine(receipt.AlreadyStored ? "the server already had this submission; nothing new was stored" : "submitted");
    }
}
