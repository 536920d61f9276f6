using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using NearNative.Domain.Suite;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// FluentValidation rules for query-string parameters, which arrive as text: each names what the value must
/// look like, so a 400 says which parameter is wrong and why. A value that cannot be valid never reaches a
/// query or the output cache.
/// </summary>
public static partial class QueryRules
{
    public static IRuleBuilderOptions<T, string?> Size<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(size => size is null || SuiteManifest.IsKnownSize(size))
            .WithMessage($"Must be '{SuiteManifest.QuickSize}' or '{SuiteManifest.FullSize}'.");

    public static readonly string CpuKeyMessage =
        $"Must be a CPU key of at most {Domain.Cpu.CpuKey.MaxLength} printable characters, as listed by /api/v1/cpus.";

    /// <summary>Anything longer or with control characters cannot be a CPU key.</summary>
    public static IRuleBuilderOptions<T, string?> CpuKey<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(cpu => cpu is null || IsCpuKeyShaped(cpu)).WithMessage(CpuKeyMessage);

    /// <summary>One segment of a CPU key, such as its architecture (<c>x86_64</c>) or virtualisation (<c>none</c>, <c>kvm</c>).</summary>
    public static IRuleBuilderOptions<T, string?> KeySegment<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(segment => segment is null || KeySegmentPattern().IsMatch(segment))
            .WithMessage("Must be one segment of a CPU key: 1 to 64 lowercase letters, digits, '_' or '-'.");

    public const string SlugMessage = "Must be lowercase letters, digits, '.', '_' or '-', starting with a letter or digit, at most 64 characters.";

    /// <summary>A runtime slug, workload id or category: lowercase letters, digits, '.', '_' and '-'.</summary>
    public static IRuleBuilderOptions<T, string?> Slug<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(slug => slug is null || Submissions.TextRules.IsIdentifier(slug)).WithMessage(SlugMessage);

    /// <summary>Free text such as a runtime version: bounded and printable.</summary>
    public static IRuleBuilderOptions<T, string?> PrintableText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.Must(text => text is null || (text.Length is > 0 && text.Length <= maxLength && Submissions.TextRules.IsSafe(text)))
            .WithMessage($"Must be 1 to {maxLength} printable characters.");

    /// <summary>An integer between <paramref name="min"/> and <paramref name="max"/>, written in decimal digits.</summary>
    public static IRuleBuilderOptions<T, string?> IntegerBetween<T>(this IRuleBuilder<T, string?> rule, int min, int max) =>
        rule.Must(text => text is null || (TryParseInteger(text, out var value) && value >= min && value <= max))
            .WithMessage(string.Create(CultureInfo.InvariantCulture, $"Must be a whole number from {min} to {max}."));

    public static bool TryParseInteger(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public static bool IsCpuKeyShaped(string cpu) =>
        cpu.Length is > 0 and <= Domain.Cpu.CpuKey.MaxLength && !cpu.Any(char.IsControl);

    [GeneratedRegex(@"^[a-z0-9_-]{1,64}\z")]
    private static partial Regex KeySegmentPattern();
}
