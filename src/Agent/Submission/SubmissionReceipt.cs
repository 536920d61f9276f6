namespace NearNative.Agent.Submission;

/// <summary>What the server said about a stored submission.</summary>
/// <param name="AlreadyStored">The same signed bytes had been sent before; the server kept one copy.</param>
public sealed record SubmissionReceipt(string Id, Uri Url, bool AlreadyStored);
