namespace NearNative.Agent.Submission;

/// <summary>What the server said about a stored submission.</summary>
/// <param name="AlreadyStored">The run had been sent before (the same signed bytes, or its nonce signed earlier); the server kept one copy.</param>
public sealed record SubmissionReceipt(string Id, Uri Url, bool AlreadyStored);
