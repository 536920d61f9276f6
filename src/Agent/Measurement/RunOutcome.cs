using NearNative.Agent.Suite;
using NearNative.Domain.Results;

namespace NearNative.Agent.Measurement;

/// <summary>A finished run: the document to write or send, and the manifest to judge it against.</summary>
public sealed record RunOutcome(ResultDocument Document, LoadedSuite Suite, IReadOnlyList<string> Failures);
