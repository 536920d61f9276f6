using System.ComponentModel.DataAnnotations.Schema;
using NearNative.Domain.Statistics;

namespace NearNative.Api.Data;

/// <summary>
/// A stored estimate with its interval, mapped as one optional complex property (four columns named after the
/// property, e.g. <c>execution_value</c>, <c>execution_lower</c>, …): null when the submission has no such figure.
/// Every property of this type is mapped so by convention, so a new figure is one new property.
/// </summary>
[ComplexType]
public sealed record Figure
{
    public required double Value { get; init; }

    public required double Lower { get; init; }

    public required double Upper { get; init; }

    /// <summary>The confidence the interval reaches, e.g. 0.95; zero for a point with no interval of its own.</summary>
    public required double Confidence { get; init; }

    public bool HasInterval => Confidence > 0;

    public static Figure? From(Estimate? estimate) => estimate is null
        ? null
        : new Figure { Value = estimate.Value, Lower = estimate.Lower, Upper = estimate.Upper, Confidence = estimate.Confidence };

    /// <summary>A figure measured once per run, such as instance density: its interval is the point itself, at zero confidence.</summary>
    public static Figure? Point(double? value) => value is { } v ? new Figure { Value = v, Lower = v, Upper = v, Confidence = 0 } : null;

    public Estimate ToEstimate() => new(Value, Lower, Upper, Confidence);
}
