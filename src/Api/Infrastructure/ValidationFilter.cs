using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace NearNative.Api.Infrastructure;

/// <summary>Validates the endpoint's <typeparamref name="T"/> argument with its FluentValidation validator before the handler runs.</summary>
public sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var argument = context.Arguments.OfType<T>().FirstOrDefault();
        if (argument is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["body"] = ["A request body is required."] });
        }

        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        return result.IsValid ? await next(context) : result.ToValidationProblem();
    }
}

public static class Validation
{
    public static RouteHandlerBuilder WithValidation<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();

    /// <summary>Field errors keyed by JSON path in the wire's camelCase, e.g. <c>samples[3].runtime</c>.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem ToValidationProblem(this ValidationResult result, string? detail = null) =>
        TypedResults.ValidationProblem(
            result.Errors
                .GroupBy(e => JsonPath(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()),
            detail);

    private static string JsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
