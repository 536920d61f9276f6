using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using NearNative.Api.Infrastructure;
using NearNative.Api.Web.Layout;

namespace NearNative.Api.Web;

/// <summary>How a page endpoint answers: a component rendered with its model, or the problem page with a status.</summary>
public static class Page
{
    public static RazorComponentResult Render<TComponent>(object model, int statusCode = StatusCodes.Status200OK)
        where TComponent : IComponent =>
        new RazorComponentResult<TComponent>(new Dictionary<string, object?> { ["Model"] = model }) { StatusCode = statusCode };

    public static RazorComponentResult Problem(int statusCode, string title, string detail, IReadOnlyList<string>? errors = null) =>
        Render<ProblemPage>(new ProblemModel(title, detail, errors ?? []), statusCode);

    /// <summary>The problem page for what a REST handler answered instead of its value: a validation problem or a problem result.</summary>
    public static RazorComponentResult For(IResult answer) => answer switch
    {
        ValidationProblem invalid => Problem(
            StatusCodes.Status400BadRequest,
            "That address asks for something we cannot show",
            "Change what the address asks for and try again:",
            [.. invalid.ProblemDetails.Errors.SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}"))]),
        ProblemResult problem => Problem(problem.StatusCode, problem.Value.Title ?? "Not found", problem.Value.Detail ?? ""),
        _ => throw new InvalidOperationException($"A page cannot show the answer {answer.GetType().Name}."),
    };

    /// <summary>The 400 page for a query string the REST endpoint's validator refuses; null when it is valid.</summary>
    public static async Task<RazorComponentResult?> ValidateAsync<T>(IValidator<T> validator, T query, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(query, cancellationToken);
        return result.IsValid ? null : For(result.ToValidationProblem("The query string is not valid."));
    }

    /// <summary>A form's "any" choice arrives as an empty value: the same as leaving the parameter out.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
