using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;

namespace NearNative.Api.Submissions;

/// <summary>Rules for text from agents, which is untrusted: bounded, and free of control and formatting characters.</summary>
public static partial class TextRules
{
    public static IRuleBuilderOptions<T, string> SafeText<T>(this IRuleBuilder<T, string> rule, int maxLength, bool allowEmpty = false)
    {
        var options = rule.NotNull().MaximumLength(maxLength);
        if (!allowEmpty)
        {
            options = options.NotEmpty();
        }

        return options.Must(IsSafe).WithMessage("Must not contain control or formatting characters.");
    }

    /// <summary>Lowercase letters, digits, '.', '_' and '-', starting with a letter or digit: ids, slugs, configuration names.</summary>
    public static IRuleBuilderOptions<T, string> Identifier<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(DocumentLimits.MaxIdentifier).Matches(IdentifierPattern())
            .WithMessage("Must be lowercase letters, digits, '.', '_' or '-', starting with a letter or digit.");

    public static bool IsSafe(string? text) =>
        text is null || text.All(c => !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format);

    public static bool IsIdentifier(string? text) =>
        text is { Length: > 0 and <= DocumentLimits.MaxIdentifier } && IdentifierPattern().IsMatch(text);

    /// <summary>A phase name: a lowercase letter, then up to 31 lowercase letters, digits or '-'.</summary>
    public static bool IsPhaseName(string? text) => text is not null && PhaseNamePattern().IsMatch(text);

    // \z, not $: '$' also matches before a trailing newline.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]*\z")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9-]{0,31}\z")]
    private static partial Regex PhaseNamePattern();
}
