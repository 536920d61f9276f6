namespace NearNative.Api.Web.Layout;

/// <param name="Errors">One line per thing at fault, e.g. a query parameter and why.</param>
public sealed record ProblemModel(string Title, string Detail, IReadOnlyList<string> Errors);
