using FluentValidation;
using Microsoft.Net.Http.Headers;

namespace NearNative.Api.Infrastructure;

/// <summary>JSON or CSV for endpoints that answer data: <c>format=</c> when given, else the <c>Accept</c> header, else JSON.</summary>
public enum DataFormat
{
    Json,
    Csv,
}

public static class DataFormats
{
    public const string Json = "json";
    public const string Csv = "csv";

    public static IRuleBuilderOptions<T, string?> DataFormat<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(format => format is null or Json or Csv).WithMessage($"Must be '{Json}' or '{Csv}'.");

    /// <summary>CSV when asked by name, or when <c>Accept</c> prefers <c>text/csv</c> to JSON; JSON otherwise.</summary>
    public static DataFormat Choose(string? format, HttpRequest request)
    {
        if (format is not null)
        {
            return format == Csv ? Infrastructure.DataFormat.Csv : Infrastructure.DataFormat.Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return Infrastructure.DataFormat.Json;
        }

        double Quality(string mediaType) => accepted
            .Where(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1.0)
            .DefaultIfEmpty(0)
            .Max();

        return Quality(CsvResult.MediaType) > Quality("application/json")
            ? Infrastructure.DataFormat.Csv
            : Infrastructure.DataFormat.Json;
    }
}
