using NearNative.Api.Infrastructure;

namespace NearNative.Api.Suites;

public static class SuiteProblems
{
    /// <summary>The 404 of a query for a suite the server does not know, or of any query when it knows none.</summary>
    /// <param name="asked">The <c>suite</c> parameter as given; null when the default (the newest) was meant.</param>
    public static NotFoundProblem Unknown(string? asked) =>
        new(asked is null ? "This server knows no suite." : $"Unknown suite '{asked}'.");
}
